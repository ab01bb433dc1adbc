package org.fluxion.synth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.synth.internal.CompoundTableFile.Field;
import org.fluxion.synth.internal.CompoundTableFile.Group;
import org.fluxion.synth.internal.CompoundTableFile.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

/** Writes compound tables and reads them back with jhdf (the files were also checked with h5py: see README). */
class CompoundTableFileTest {
    @TempDir
    Path dir;

    private static List<Field> fields() {
        return List.of(new Field("Run", Hdf5Datatype.UINT32, "", "run", (b, r) -> b.putInt(7)),
                new Field("Event", Hdf5Datatype.UINT32, "", "event", (b, r) -> b.putInt(r)),
                new Field("exists", Hdf5Datatype.UINT8, "", "", (b, r) -> b.put((byte) 1)),
                new Field("energy", Hdf5Datatype.FLOAT64, "GeV", "energy", (b, r) -> b.putDouble(r * 1.5)),
                new Field("cls", Hdf5Datatype.INT32, "", "", (b, r) -> b.putInt(-r)),
                new Field("f32", Hdf5Datatype.FLOAT32, "", "", (b, r) -> b.putFloat(r * 0.25f)),
                new Field("n", Hdf5Datatype.INT64, "", "", (b, r) -> b.putLong(-3L * r)),
                new Field("start", Hdf5Datatype.UINT64, "", "", (b, r) -> b.putLong(r)),
                new Field("mask", Hdf5Datatype.array(Hdf5Datatype.UINT8, 2), "", "",
                        (b, r) -> b.put((byte) (r & 1)).put((byte) 1)));
    }

    @SuppressWarnings("unchecked")
    @Test
    void tablesGroupsAndAttributesReadBackWithJhdf() throws IOException {
        int rows = 20_000; // more than one write buffer
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("livetime_s", 12.5);
        attrs.put("n_generated", 5L);
        attrs.put("generator", "fluxion test");
        attrs.put("empty", "");
        Table t = new Table("Labels", Map.of("CLASS", "TABLE"), fields(), rows);
        Table index = new Table("Labels", Map.of(), fields().subList(0, 3), rows);
        Table empty = new Table("Empty", Map.of(), fields().subList(0, 3), 0);
        Path file = dir.resolve("t.h5");
        CompoundTableFile.write(file, new Group("", attrs, List.of(t, new Group("__I3Index__", Map.of(), List.of(index)), empty)));
        try (HdfFile f = new HdfFile(file)) {
            assertEquals(12.5, f.getAttribute("livetime_s").getData());
            assertEquals(5L, f.getAttribute("n_generated").getData());
            assertEquals("fluxion test", f.getAttribute("generator").getData());
            Dataset d = f.getDatasetByPath("Labels");
            assertEquals("TABLE", d.getAttribute("CLASS").getData());
            Map<String, Object> m = (Map<String, Object>) d.getData();
            assertEquals(List.of("Run", "Event", "exists", "energy", "cls", "f32", "n", "start", "mask"), List.copyOf(m.keySet()));
            long[] run = (long[]) m.get("Run"), event = (long[]) m.get("Event");
            double[] energy = (double[]) m.get("energy");
            int[] cls = (int[]) m.get("cls");
            float[] f32 = (float[]) m.get("f32");
            long[] n = (long[]) m.get("n");
            BigInteger[] start = (BigInteger[]) m.get("start");
            int[][] mask = (int[][]) m.get("mask");
            assertEquals(rows, run.length);
            for (int r = 0; r < rows; r++) {
                assertEquals(7, run[r]);
                assertEquals(r, event[r]);
                assertEquals(r * 1.5, energy[r]);
                assertEquals(-r, cls[r]);
                assertEquals(r * 0.25f, f32[r]);
                assertEquals(-3L * r, n[r]);
                assertEquals(BigInteger.valueOf(r), start[r]);
                assertArrayEquals(new int[] { r & 1, 1 }, mask[r]);
            }
            Map<String, Object> idx = (Map<String, Object>) f.getDatasetByPath("__I3Index__/Labels").getData();
            assertEquals(rows, ((long[]) idx.get("Event")).length);
            assertEquals(0, f.getDatasetByPath("Empty").getDimensions()[0]);
        }
    }

    @Test
    void sameTreeGivesSameBytes() throws IOException {
        Path a = dir.resolve("a.h5"), b = dir.resolve("b.h5");
        CompoundTableFile.write(a, new Group("", Map.of(), List.of(new Table("T", Map.of(), fields(), 100))));
        CompoundTableFile.write(b, new Group("", Map.of(), List.of(new Table("T", Map.of(), fields(), 100))));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void anEncoderWritingTheWrongSizeFailsAndLeavesNoFile() throws IOException {
        Field bad = new Field("x", Hdf5Datatype.FLOAT64, "", "", (b, r) -> b.putInt(1));
        Path file = dir.resolve("bad.h5");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompoundTableFile.write(file,
                new Group("", Map.of(), List.of(new Table("T", Map.of(), List.of(bad), 3)))));
        assertTrue(e.getMessage().contains("table 'T'"), e.getMessage());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void duplicateNamesAndBadAttributesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Hdf5Datatype.compound(List.of(
                new Hdf5Datatype.Member("a", Hdf5Datatype.UINT8), new Hdf5Datatype.Member("a", Hdf5Datatype.UINT8))));
        Table t = new Table("T", Map.of(), fields(), 1);
        assertThrows(IllegalArgumentException.class, () -> new Group("", Map.of(), List.of(t, t)));
        Path file = dir.resolve("attr.h5");
        assertThrows(IllegalArgumentException.class, () -> CompoundTableFile.write(file,
                new Group("", Map.of("x", new int[] { 1 }), List.of())));
    }
}
