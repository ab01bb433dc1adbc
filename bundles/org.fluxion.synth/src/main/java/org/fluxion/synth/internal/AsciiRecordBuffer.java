package org.fluxion.synth.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable ASCII byte buffer with fast fixed-point number formatting, used to build one block
 * of text rows without {@code String.format}. Not thread-safe: one buffer per block.
 */
public final class AsciiRecordBuffer {
    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private byte[] bytes;
    private int size;

    /** @param initialCapacity initial size in bytes, > 0 */
    public AsciiRecordBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }

    /** Appends one ASCII character. */
    public AsciiRecordBuffer put(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Appends an ASCII string. */
    public AsciiRecordBuffer put(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** Appends a decimal integer. */
    public AsciiRecordBuffer putLong(long v) {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return put(Long.toString(v));
            }
            bytes[size++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < 19 && v >= POW10[digits]) {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        size += digits;
        return this;
    }

    /** Appends an integer left-padded with zeros to {@code width} digits (v >= 0). */
    public AsciiRecordBuffer putPadded(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        size += width;
        return this;
    }

    /**
     * Appends a fixed-point number given as an already scaled integer: {@code scaled / 10^decimals}.
     *
     * @param scaled   the value times 10^decimals, rounded
     * @param decimals number of digits after the point, 1..18
     */
    public AsciiRecordBuffer putScaled(long scaled, int decimals) {
        ensure(22);
        if (scaled < 0) {
            bytes[size++] = '-';
            scaled = -scaled;
        }
        long p = POW10[decimals];
        putLong(scaled / p);
        bytes[size++] = '.';
        return putPadded(scaled % p, decimals);
    }

    /**
     * @return {@code Math.round(value · 10^decimals)}; the value must be finite and small enough
     * @throws IllegalArgumentException for NaN, infinite or too large values (a bug in a generator)
     */
    public static long scale(double value, int decimals) {
        double s = value * POW10[decimals];
        if (!(Math.abs(s) < 9.0e17)) {
            throw new IllegalArgumentException("cannot format " + value + " with " + decimals + " decimals");
        }
        return Math.round(s);
    }

    /** Appends {@code value} rounded to {@code decimals} digits after the point. */
    public AsciiRecordBuffer putFixed(double value, int decimals) {
        long s = scale(value, decimals);
        if (s == 0 && value < 0) {
            s = 0; // never write "-0.000"
        }
        return putScaled(s, decimals);
    }

    /**
     * Appends a UTC date and time as {@code YYYY-MM-DD HH:MM:SS}.
     *
     * @param epochSecond seconds since 1970-01-01T00:00:00Z, years 0..9999
     */
    public AsciiRecordBuffer putDateTime(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86400L);
        long secs = Math.floorMod(epochSecond, 86400L);
        // civil-from-days (H. Hinnant), proleptic Gregorian
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        putPadded(y, 4).put('-').putPadded(m, 2).put('-').putPadded(d, 2).put(' ');
        return putPadded(secs / 3600, 2).put(':').putPadded(secs / 60 % 60, 2).put(':').putPadded(secs % 60, 2);
    }

    /** @return number of bytes written */
    public int size() {
        return size;
    }

    /** Writes the content to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.US_ASCII);
    }
}
