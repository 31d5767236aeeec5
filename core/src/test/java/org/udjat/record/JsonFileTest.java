package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileTest {
    private final ObjectMapper mapper = Json.mapper();

    @TempDir
    Path dir;

    record Item(String name) {
        Item {
            if (name != null && name.isEmpty()) {
                throw new IllegalArgumentException("an empty name\nsecond line");
            }
        }
    }

    @Test
    void tellsAMissingFileFromOneThatCannotBeReadFromOneThatHoldsNoValue() throws IOException {
        JavaType list = mapper.getTypeFactory().constructCollectionType(List.class, Item.class);
        Path file = dir.resolve("items.json");

        assertEquals(new JsonFile.Read<List<Item>>(null, null, null), JsonFile.read(file, mapper, list));

        Files.writeString(file, "[{\"name\":\"a\"}]");
        assertEquals(new JsonFile.Read<>(List.of(new Item("a")), null, null), JsonFile.read(file, mapper, list));

        Files.createDirectory(dir.resolve("folder.json"));
        JsonFile.Read<Item> folder = JsonFile.read(dir.resolve("folder.json"), mapper, Item.class);
        assertNull(folder.value());
        assertNotNull(folder.cannotRead());
        assertNull(folder.unreadable());

        for (String bad : new String[] {"[{\"name\":", "null", "[null]", "", "[{\"name\":\"\"}]"}) {
            Files.writeString(file, bad);
            JsonFile.Read<List<Item>> read = JsonFile.read(file, mapper, list);
            assertNull(read.value(), bad);
            assertNull(read.cannotRead(), bad);
            assertNotNull(read.unreadable(), bad);
            assertTrue(!read.unreadable().contains("\n"), "one line: " + read.unreadable());
        }
        Files.writeString(file, "[null]");
        assertEquals("null where a value is expected", JsonFile.read(file, mapper, list).unreadable());
    }
}
