package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "load1          | load1",
        "/              | ~2F",
        "/var/log       | ~2Fvar~2Flog",
        ".hidden        | ~2Ehidden",
        "..             | ~2E.",
        "a.b            | a.b",
        "web-1_x        | web-1_x",
        "temp (°C)      | temp~20~28~C2~B0C~29",
        "a~2F           | a~7E2F",
    })
    void encodesEveryByteThatIsNotPlain(String text, String expected) {
        assertEquals(expected, FileNames.safe(text));
    }

    @Test
    void emptyTextHasAName() {
        assertEquals("~", FileNames.safe(""));
    }

    @Test
    void differentTextsNeverShareANameEvenWhenCut() {
        String longA = "x".repeat(300) + "a";
        String longB = "x".repeat(300) + "b";
        List<String> texts = List.of("/", "~2F", "_", "-", "a/b", "a_b", "a~2Fb", longA, longB, "A", "a", "", "~");
        Map<String, String> seen = new HashMap<>();
        for (String t : texts) {
            String name = FileNames.safe(t);
            assertTrue(name.length() <= FileNames.MAX, name);
            String before = seen.put(name, t);
            assertEquals(null, before, "\"" + t + "\" and \"" + before + "\" both became " + name);
        }
        assertNotEquals(FileNames.safe(longA), FileNames.safe(longB));
        assertEquals(FileNames.safe(longA), FileNames.safe("x".repeat(300) + "a"));
    }

    @Test
    void everyNameIsOneFileInItsDirectoryAndOneUrlSegment(@TempDir Path dir) throws IOException {
        for (String t : List.of("..", ".", "/etc/passwd", "../../x", "a\0b", "%2F", "?q=1#frag", "名前", "\n")) {
            String name = FileNames.safe(t);
            Path file = dir.resolve(name);
            assertEquals(dir, file.getParent(), t);
            Files.writeString(file, t);
            URI uri = URI.create("http://127.0.0.1/x/" + name);
            assertEquals("/x/" + name, uri.getPath(), t);
        }
    }
}
