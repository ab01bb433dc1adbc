package org.fluxion.synth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Lookup3ChecksumTest {
    @Test
    void publishedTestVectorsOfHashlittle() {
        // from the self-test (driver5) of Bob Jenkins' lookup3.c
        assertEquals(0xdeadbeef, Lookup3Checksum.hash(new byte[0], 0, 0, 0));
        assertEquals(0xbd5b7dde, Lookup3Checksum.hash(new byte[0], 0, 0, 0xdeadbeef));
        byte[] s = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x17770551, Lookup3Checksum.hash(s, 0, s.length, 0));
        assertEquals(0xcd628161, Lookup3Checksum.hash(s, 0, s.length, 1));
    }

    @Test
    void checksumOfASuperblockWrittenByTheHdf5Library() {
        // first 48 bytes of a file written by h5py 3.7 / HDF5 1.10.8 with libver='latest'
        byte[] sb = HexFormat.of().parseHex("894844460d0a1a0a" + "03080800" // signature, version 3, sizes, flags
                + "0000000000000000" + "ffffffffffffffff" // base address, no extension
                + "1808000000000000" + "3000000000000000" // end of file, root object header
                + "09bc6cfd"); // stored checksum
        int stored = (sb[44] & 0xff) | (sb[45] & 0xff) << 8 | (sb[46] & 0xff) << 16 | (sb[47] & 0xff) << 24;
        assertEquals(stored, Lookup3Checksum.hash(sb, 0, 44, 0));
    }
}
