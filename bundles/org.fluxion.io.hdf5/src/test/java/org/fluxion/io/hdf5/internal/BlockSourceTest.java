package org.fluxion.io.hdf5.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BlockSourceTest {
    @Test
    void unshuffleRestoresElementBytes() {
        // elements 0x0102, 0x0304, 0x0506 (2 bytes each) shuffled: first bytes, then second bytes; 1 trailing byte
        byte[] shuffled = { 1, 3, 5, 2, 4, 6, 9 };
        assertArrayEquals(new byte[] { 1, 2, 3, 4, 5, 6, 9 }, BlockSource.unshuffle(shuffled, 2));
    }
}
