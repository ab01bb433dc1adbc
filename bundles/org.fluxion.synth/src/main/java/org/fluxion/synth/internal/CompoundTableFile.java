package org.fluxion.synth.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A minimal HDF5 writer for what jhdf 0.13.0 cannot write: one-dimensional, contiguous,
 * uncompressed datasets of compound type (the IceCube hdfwriter table layout), in groups, with
 * scalar attributes (float64, int64, fixed-length ASCII strings).
 *
 * <p>Written from the HDF5 file format specification (version 3.0), not from any library's code:
 * superblock version 2, version 2 object headers with compact link storage (Link Info, Group
 * Info and Link messages), Dataspace version 2, Datatype messages from {@link Hdf5Datatype}, Fill
 * Value version 3, Data Layout version 3 (contiguous) and Attribute messages version 3, all
 * checksummed with {@link Lookup3Checksum}. Files need HDF5 1.8 or later to read (h5py, jhdf).
 *
 * <p>The file is written to a hidden temporary sibling and moved into place when complete; the
 * bytes depend only on the tree. Not thread-safe during {@link #write}; the row encoders are
 * called on the calling thread in row order.
 */
public final class CompoundTableFile {
    private static final long UNDEFINED = -1L;
    private static final int SUPERBLOCK_SIZE = 48;
    private static final int ROWS_PER_WRITE = 1 << 13;

    private CompoundTableFile() {
    }

    /** Writes one row's value of a field into a little-endian buffer (exactly the type's size). */
    @FunctionalInterface
    public interface RowEncoder {
        void put(ByteBuffer out, int row);
    }

    /**
     * A compound member with its documentation.
     *
     * @param name    member name, ASCII
     * @param type    member type
     * @param unit    unit (may be empty, not null)
     * @param doc     description (may be empty, not null)
     * @param encoder writes the value of a row
     */
    public record Field(String name, Hdf5Datatype type, String unit, String doc, RowEncoder encoder) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(encoder, "encoder");
        }
    }

    /** A node of the tree: a {@link Table} or a {@link Group}. */
    public sealed interface Node permits Table, Group {
        /** @return the link name in the parent group (ignored for the root) */
        String name();

        /** @return attributes in order; values are Double, Long, Integer or String */
        Map<String, Object> attributes();
    }

    /**
     * A 1-D compound dataset with {@code rows} elements.
     *
     * @param fields members, in layout order (packed)
     */
    public record Table(String name, Map<String, Object> attributes, List<Field> fields, int rows) implements Node {
        public Table {
            Objects.requireNonNull(name, "name");
            attributes = new LinkedHashMap<>(attributes);
            fields = List.copyOf(fields);
            if (rows < 0) {
                throw new IllegalArgumentException("table '" + name + "': rows must be >= 0 but was " + rows);
            }
        }

        /** @return the compound type of one row */
        public Hdf5Datatype rowType() {
            List<Hdf5Datatype.Member> m = new ArrayList<>();
            for (Field f : fields) {
                m.add(new Hdf5Datatype.Member(f.name(), f.type()));
            }
            return Hdf5Datatype.compound(m);
        }
    }

    /** A group with its children (link names must be unique). */
    public record Group(String name, Map<String, Object> attributes, List<Node> children) implements Node {
        public Group {
            Objects.requireNonNull(name, "name");
            attributes = new LinkedHashMap<>(attributes);
            children = List.copyOf(children);
            List<String> names = new ArrayList<>();
            for (Node c : children) {
                if (names.contains(c.name())) {
                    throw new IllegalArgumentException("group '" + name + "': duplicate child '" + c.name() + "'");
                }
                names.add(c.name());
            }
        }
    }

    /**
     * Writes the tree with {@code root} as the root group.
     *
     * @throws IOException on write failure; no partial file is left behind
     */
    public static void write(Path target, Group root) throws IOException {
        List<Node> order = new ArrayList<>();
        collect(root, order);
        Map<Node, Long> header = new IdentityHashMap<>();
        Map<Node, Long> data = new IdentityHashMap<>();
        // pass 1: sizes (addresses do not change the sizes)
        long addr = SUPERBLOCK_SIZE;
        for (Node n : order) {
            header.put(n, addr);
            addr += objectHeader(n, header, data).length;
        }
        for (Node n : order) {
            if (n instanceof Table t && t.rows() > 0) {
                addr = (addr + 7) & ~7L;
                data.put(n, addr);
                addr += (long) t.rows() * t.rowType().size();
            }
        }
        long eof = addr;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".partial");
        boolean done = false;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(ch, ByteBuffer.wrap(superblock(eof, header.get(root))), 0);
            for (Node n : order) {
                writeFully(ch, ByteBuffer.wrap(objectHeader(n, header, data)), header.get(n));
            }
            for (Node n : order) {
                if (n instanceof Table t && t.rows() > 0) {
                    writeRows(ch, t, data.get(n));
                }
            }
            if (ch.size() != eof) {
                throw new IllegalStateException("wrote " + ch.size() + " bytes but computed " + eof);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Group g) {
            for (Node c : g.children()) {
                collect(c, out);
            }
        }
    }

    private static void writeRows(FileChannel ch, Table t, long address) throws IOException {
        int rowSize = t.rowType().size();
        List<Field> fields = t.fields();
        ByteBuffer buf = ByteBuffer.allocate(ROWS_PER_WRITE * rowSize).order(ByteOrder.LITTLE_ENDIAN);
        long pos = address;
        for (int first = 0; first < t.rows(); first += ROWS_PER_WRITE) {
            int last = Math.min(t.rows(), first + ROWS_PER_WRITE);
            buf.clear();
            for (int r = first; r < last; r++) {
                int expected = buf.position() + rowSize;
                for (Field f : fields) {
                    f.encoder().put(buf, r);
                }
                if (buf.position() != expected) {
                    throw new IllegalStateException("table '" + t.name() + "': encoders wrote "
                            + (buf.position() - expected + rowSize) + " bytes for row " + r + ", expected " + rowSize);
                }
            }
            buf.flip();
            int n = buf.remaining();
            writeFully(ch, buf, pos);
            pos += n;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    private static byte[] superblock(long eof, long rootAddress) {
        ByteBuffer b = ByteBuffer.allocate(SUPERBLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' });
        b.put((byte) 2); // superblock version
        b.put((byte) 8); // size of offsets
        b.put((byte) 8); // size of lengths
        b.put((byte) 0); // file consistency flags
        b.putLong(0); // base address
        b.putLong(UNDEFINED); // superblock extension
        b.putLong(eof);
        b.putLong(rootAddress);
        byte[] a = b.array();
        b.putInt(Lookup3Checksum.hash(a, 0, SUPERBLOCK_SIZE - 4, 0));
        return a;
    }

    private static byte[] objectHeader(Node n, Map<Node, Long> header, Map<Node, Long> data) {
        ByteArrayOutputStream msgs = new ByteArrayOutputStream();
        if (n instanceof Group g) {
            ByteArrayOutputStream li = new ByteArrayOutputStream();
            li.write(0); // version
            li.write(0); // flags: no creation order
            Hdf5Datatype.le(li, UNDEFINED, 8); // fractal heap: none (compact storage)
            Hdf5Datatype.le(li, UNDEFINED, 8); // name index B-tree: none
            message(msgs, 0x02, 0, li.toByteArray());
            message(msgs, 0x0a, 0, new byte[] { 0, 0 }); // group info, defaults
            for (Node c : g.children()) {
                byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
                if (name.length == 0 || name.length > 255) {
                    throw new IllegalArgumentException("link name must have 1..255 bytes: '" + c.name() + "'");
                }
                ByteArrayOutputStream l = new ByteArrayOutputStream();
                l.write(1); // version
                l.write(0x10); // 1-byte name length, charset field present, hard link
                l.write(1); // UTF-8
                l.write(name.length);
                l.write(name, 0, name.length);
                Hdf5Datatype.le(l, header.getOrDefault(c, 0L), 8);
                message(msgs, 0x06, 0, l.toByteArray());
            }
        } else if (n instanceof Table t) {
            message(msgs, 0x01, 0, dataspace(t.rows()));
            message(msgs, 0x03, 1, t.rowType().encoded());
            message(msgs, 0x05, 1, new byte[] { 3, 0x09 }); // fill value v3: early allocation, write if set
            ByteArrayOutputStream lay = new ByteArrayOutputStream();
            lay.write(3); // version
            lay.write(1); // contiguous
            Hdf5Datatype.le(lay, t.rows() > 0 ? data.getOrDefault(t, 0L) : UNDEFINED, 8);
            Hdf5Datatype.le(lay, (long) t.rows() * t.rowType().size(), 8);
            message(msgs, 0x08, 0, lay.toByteArray());
        }
        for (Map.Entry<String, Object> a : n.attributes().entrySet()) {
            message(msgs, 0x0c, 0, attribute(a.getKey(), a.getValue(), n.name()));
        }
        byte[] body = msgs.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + 1 + 4 + body.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] { 'O', 'H', 'D', 'R' });
        b.put((byte) 2); // version
        b.put((byte) 0x02); // 4-byte chunk size, no times, no attribute phase change values
        b.putInt(body.length);
        b.put(body);
        byte[] a = b.array();
        b.putInt(Lookup3Checksum.hash(a, 0, a.length - 4, 0));
        return a;
    }

    private static byte[] dataspace(long n) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(2); // version
        o.write(1); // rank
        o.write(0); // no maximum dimensions
        o.write(1); // simple
        Hdf5Datatype.le(o, n, 8);
        return o.toByteArray();
    }

    private static byte[] attribute(String name, Object value, String owner) {
        Hdf5Datatype type;
        byte[] payload;
        if (value instanceof Double d) {
            type = Hdf5Datatype.FLOAT64;
            payload = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(d).array();
        } else if (value instanceof Long || value instanceof Integer) {
            type = Hdf5Datatype.INT64;
            payload = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(((Number) value).longValue()).array();
        } else if (value instanceof String s) {
            payload = s.getBytes(StandardCharsets.US_ASCII);
            if (payload.length == 0) {
                payload = new byte[1];
            }
            type = Hdf5Datatype.string(payload.length);
        } else {
            throw new IllegalArgumentException("attribute '" + name + "' of '" + owner
                    + "': expected Double, Long, Integer or String but got " + (value == null ? "null" : value.getClass()));
        }
        byte[] nm = name.getBytes(StandardCharsets.US_ASCII);
        byte[] dt = type.encoded();
        byte[] ds = { 2, 0, 0, 0 }; // dataspace v2, scalar
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(3); // version
        o.write(0); // flags
        Hdf5Datatype.le(o, nm.length + 1, 2);
        Hdf5Datatype.le(o, dt.length, 2);
        Hdf5Datatype.le(o, ds.length, 2);
        o.write(0); // ASCII name
        o.write(nm, 0, nm.length);
        o.write(0);
        o.write(dt, 0, dt.length);
        o.write(ds, 0, ds.length);
        o.write(payload, 0, payload.length);
        return o.toByteArray();
    }

    private static void message(ByteArrayOutputStream out, int type, int flags, byte[] body) {
        if (body.length > 0xffff) {
            throw new IllegalArgumentException("header message of type " + type + " too large: " + body.length);
        }
        out.write(type);
        Hdf5Datatype.le(out, body.length, 2);
        out.write(flags);
        out.write(body, 0, body.length);
    }
}
