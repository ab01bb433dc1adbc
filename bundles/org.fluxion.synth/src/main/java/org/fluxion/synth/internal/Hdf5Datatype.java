package org.fluxion.synth.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HDF5 datatype message body (HDF5 file format specification, "Datatype Message") for the
 * small subset written by {@link CompoundTableFile}: little-endian integers (8, 32, 64 bit,
 * signed or unsigned), IEEE floats (32, 64 bit), fixed-length ASCII strings, fixed-size arrays
 * and packed compounds (version 3 encodings). Immutable and thread-safe.
 */
public final class Hdf5Datatype {
    /** unsigned 8-bit integer (booleans as 0/1) */
    public static final Hdf5Datatype UINT8 = fixed(1, false);
    /** unsigned 32-bit integer */
    public static final Hdf5Datatype UINT32 = fixed(4, false);
    /** signed 32-bit integer */
    public static final Hdf5Datatype INT32 = fixed(4, true);
    /** unsigned 64-bit integer */
    public static final Hdf5Datatype UINT64 = fixed(8, false);
    /** signed 64-bit integer */
    public static final Hdf5Datatype INT64 = fixed(8, true);
    /** IEEE 754 binary32 */
    public static final Hdf5Datatype FLOAT32 = floating(4);
    /** IEEE 754 binary64 */
    public static final Hdf5Datatype FLOAT64 = floating(8);

    private final int size;
    private final byte[] encoded;

    private Hdf5Datatype(int size, byte[] encoded) {
        this.size = size;
        this.encoded = encoded;
    }

    /** @return bytes of one element */
    public int size() {
        return size;
    }

    /** @return the datatype message body (a copy) */
    public byte[] encoded() {
        return encoded.clone();
    }

    int encodedLength() {
        return encoded.length;
    }

    void encodeTo(ByteArrayOutputStream out) {
        out.write(encoded, 0, encoded.length);
    }

    private static Hdf5Datatype fixed(int bytes, boolean signed) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x10); // version 1, class 0 (fixed-point)
        o.write(signed ? 0x08 : 0x00); // little-endian, zero padding, sign bit
        o.write(0);
        o.write(0);
        le(o, bytes, 4);
        le(o, 0, 2); // bit offset
        le(o, bytes * 8, 2); // bit precision
        return new Hdf5Datatype(bytes, o.toByteArray());
    }

    private static Hdf5Datatype floating(int bytes) {
        boolean dbl = bytes == 8;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x11); // version 1, class 1 (floating-point)
        o.write(0x20); // little-endian, zero padding, implied mantissa msb
        o.write(dbl ? 63 : 31); // sign location
        o.write(0);
        le(o, bytes, 4);
        le(o, 0, 2); // bit offset
        le(o, bytes * 8, 2); // bit precision
        o.write(dbl ? 52 : 23); // exponent location
        o.write(dbl ? 11 : 8); // exponent size
        o.write(0); // mantissa location
        o.write(dbl ? 52 : 23); // mantissa size
        le(o, dbl ? 1023 : 127, 4); // exponent bias
        return new Hdf5Datatype(bytes, o.toByteArray());
    }

    /**
     * @param length bytes, >= 1
     * @return a fixed-length, null-padded ASCII string type
     */
    public static Hdf5Datatype string(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("string length must be >= 1 but was " + length);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x13); // version 1, class 3 (string)
        o.write(0x01); // null pad, ASCII
        o.write(0);
        o.write(0);
        le(o, length, 4);
        return new Hdf5Datatype(length, o.toByteArray());
    }

    /**
     * @param base   element type
     * @param length number of elements, >= 1
     * @return a one-dimensional fixed-size array type (version 3)
     */
    public static Hdf5Datatype array(Hdf5Datatype base, int length) {
        Objects.requireNonNull(base, "base");
        if (length < 1) {
            throw new IllegalArgumentException("array length must be >= 1 but was " + length);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x3a); // version 3, class 10 (array)
        o.write(0);
        o.write(0);
        o.write(0);
        le(o, (long) base.size * length, 4);
        o.write(1); // dimensionality
        le(o, length, 4);
        base.encodeTo(o);
        return new Hdf5Datatype(base.size * length, o.toByteArray());
    }

    /** A named member of a compound type. */
    public record Member(String name, Hdf5Datatype type) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(name) || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("member name must be non-empty ASCII without NUL but was '" + name + "'");
            }
        }
    }

    /**
     * @param members at least one, unique names; laid out packed in the given order
     * @return a packed compound type (version 3)
     */
    public static Hdf5Datatype compound(List<Member> members) {
        if (members.isEmpty() || members.size() > 65535) {
            throw new IllegalArgumentException("a compound needs 1..65535 members but got " + members.size());
        }
        List<String> seen = new ArrayList<>();
        long total = 0;
        for (Member m : members) {
            if (seen.contains(m.name())) {
                throw new IllegalArgumentException("duplicate compound member '" + m.name() + "'");
            }
            seen.add(m.name());
            total += m.type().size;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("compound too large: " + total + " bytes");
        }
        int offsetBytes = total < (1 << 8) ? 1 : total < (1 << 16) ? 2 : total < (1 << 24) ? 3 : 4;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x36); // version 3, class 6 (compound)
        le(o, members.size(), 2);
        o.write(0);
        le(o, total, 4);
        long offset = 0;
        for (Member m : members) {
            byte[] name = m.name().getBytes(StandardCharsets.US_ASCII);
            o.write(name, 0, name.length);
            o.write(0);
            le(o, offset, offsetBytes);
            m.type().encodeTo(o);
            offset += m.type().size;
        }
        return new Hdf5Datatype((int) total, o.toByteArray());
    }

    static void le(ByteArrayOutputStream o, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            o.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
