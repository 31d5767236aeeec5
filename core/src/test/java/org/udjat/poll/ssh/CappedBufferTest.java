package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CappedBufferTest {

    @Test
    void keepsUpToTheCapAndRemembersTheRest() {
        CappedBuffer buffer = new CappedBuffer(5);
        buffer.write(new byte[] {1, 2, 3}, 0, 3);
        assertFalse(buffer.overflowed());
        buffer.write(new byte[] {4, 5}, 0, 2);
        assertFalse(buffer.overflowed());
        buffer.write(6);
        assertTrue(buffer.overflowed());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, buffer.toByteArray());
    }
}
