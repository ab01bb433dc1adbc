package org.fluxion.synth.internal;

/**
 * Bob Jenkins' lookup3 {@code hashlittle} (public domain), the checksum HDF5 stores in version 2
 * superblocks and object headers (HDF5 file format specification, "Checksum"). Written from the
 * published algorithm; stateless and thread-safe.
 */
public final class Lookup3Checksum {
    private Lookup3Checksum() {
    }

    /**
     * @param data    bytes to hash
     * @param off     first byte
     * @param len     number of bytes
     * @param initval initial value (HDF5 uses 0)
     * @return the 32-bit hash
     */
    public static int hash(byte[] data, int off, int len, int initval) {
        int a = 0xdeadbeef + len + initval;
        int b = a;
        int c = a;
        int k = off;
        int n = len;
        while (n > 12) {
            a += word(data, k);
            b += word(data, k + 4);
            c += word(data, k + 8);
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            n -= 12;
            k += 12;
        }
        if (n == 0) {
            return c;
        }
        // the last 1..12 bytes, little-endian, missing bytes as zero
        a += partial(data, k, Math.min(n, 4));
        if (n > 4) {
            b += partial(data, k + 4, Math.min(n - 4, 4));
        }
        if (n > 8) {
            c += partial(data, k + 8, n - 8);
        }
        // final(a, b, c)
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    private static int word(byte[] d, int i) {
        return (d[i] & 0xff) | (d[i + 1] & 0xff) << 8 | (d[i + 2] & 0xff) << 16 | (d[i + 3] & 0xff) << 24;
    }

    private static int partial(byte[] d, int i, int n) {
        int v = 0;
        for (int j = 0; j < n; j++) {
            v |= (d[i + j] & 0xff) << (8 * j);
        }
        return v;
    }
}
