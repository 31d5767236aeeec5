package org.udjat.report;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A page as Freemarker writes it: an unsynchronized {@link StringBuilder} behind a {@link Writer},
 * encoded to UTF-8 once at the end (cheaper than an encoder fed thousands of small strings).
 */
final class TextBuffer extends Writer {
    private final StringBuilder text = new StringBuilder(16 * 1024);

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public void flush() {
        // nothing is buffered elsewhere
    }

    @Override
    public void close() {
        // nothing to release
    }

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
