package org.udjat.record;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;

/**
 * Builds the JSON configuration shared by every file udjat keeps (status, history, outbox...).
 *
 * <p>Contract of the returned mappers: pretty-printed output (use
 * {@code writer().without(SerializationFeature.INDENT_OUTPUT)} for one-line records); instants
 * and durations as ISO-8601 strings; a {@link Range} as its text ({@code "@~:5"}); NaN and
 * infinite numbers as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, so the
 * output is always strict JSON and reads back as the same double; {@code <}, {@code >}, {@code &},
 * U+2028 and U+2029 escaped so untrusted check output stays inert when a file is embedded in a
 * web page; unknown properties ignored on read, so an older udjat can read a newer file.
 * A mapper is thread-safe once built; each call builds a new one, so no caller can reconfigure
 * another's.
 */
public final class Json {

    private Json() {
    }

    /** A new mapper configured as described above. */
    public static ObjectMapper mapper() {
        SimpleModule udjat = new SimpleModule("udjat-record");
        udjat.addSerializer(Range.class, new RangeSerializer());
        udjat.addDeserializer(Range.class, new RangeDeserializer());
        udjat.setMixInAnnotation(PerfDatum.class, PerfDatumMixin.class);
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new HtmlSafeEscapes())
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(udjat)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** {@code isCounter()} is derived from the unit; writing it would only invite disagreement. */
    @JsonIgnoreProperties({"counter"})
    private abstract static class PerfDatumMixin {
    }

    private static final class RangeSerializer extends StdScalarSerializer<Range> {
        RangeSerializer() {
            super(Range.class);
        }

        @Override
        public void serialize(Range value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.text());
        }
    }

    private static final class RangeDeserializer extends StdScalarDeserializer<Range> {
        RangeDeserializer() {
            super(Range.class);
        }

        @Override
        public Range deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Range.parse(text);
            } catch (IllegalArgumentException e) {
                return (Range) ctxt.handleWeirdStringValue(Range.class, text, e.getMessage());
            }
        }
    }

    /** Escapes what could end a script block or a JavaScript string if the JSON lands in HTML. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '\u2028') {
                return LINE_SEPARATOR;
            }
            return ch == '\u2029' ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
