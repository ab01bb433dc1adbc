package org.fluxion.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.text.TextSampleSettings.BadLinePolicy;
import org.fluxion.io.text.TextSampleSettings.Delimiter;
import org.fluxion.io.text.TextSampleSettings.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTableReaderTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private EventTable read(Path file, TextSampleSettings s, int threads, int chunk) throws Exception {
        return TextTableReader.read("t", List.of(file), s, threads, chunk, ProgressMonitor.NONE, warnings::add);
    }

    private EventTable read(Path file, TextSampleSettings s) throws Exception {
        return read(file, s, 2, TextTableReader.DEFAULT_CHUNK_BYTES);
    }

    private static double[] doubles(EventTable t, String c) {
        return t.column(c).toDoubleArray();
    }

    @Test
    void whitespaceAndCommaFilesGiveTheSameTable() throws Exception {
        Path ws = write("a.txt", "E Ne Nmu Ze\n14.69036 3.93701 3.72970 31.493\n  15.1\t4.2   3.9 0.5  \n");
        Path csv = write("a.csv", "E,Ne,Nmu,Ze\n14.69036,3.93701, 3.72970 ,31.493\n15.1,4.2,3.9,0.5\n");
        EventTable a = read(ws, TextSampleSettings.of("a.txt"));
        EventTable b = read(csv, TextSampleSettings.of("a.csv"));
        assertEquals(List.of("E", "Ne", "Nmu", "Ze"), a.columnNames());
        for (String c : a.columnNames()) {
            assertArrayEquals(doubles(a, c), doubles(b, c), c);
        }
        assertArrayEquals(new double[] {14.69036, 15.1}, doubles(a, "E"));
        assertEquals("whitespace", a.attributes().get("delimiter"));
        assertEquals("comma", b.attributes().get("delimiter"));
        assertEquals(2L, a.attributes().get("row_count"));
        assertEquals(0L, a.attributes().get("skipped_lines"));
        assertEquals(ws.toString(), a.attributes().get("source_files"));
        assertEquals("deg", a.column("Ze").unit());
        assertEquals("lg(E/eV)", a.column("E").unit());
        assertEquals("lg(Nmu)", a.column("Nmu").unit());
    }

    @Test
    void crlfBlankLinesAndAMissingFinalNewline() throws Exception {
        Path f = write("crlf.txt", "a b\r\n1 2\r\n\r\n3 4\r\n   \n5 6");
        EventTable t = read(f, TextSampleSettings.of("x"));
        assertArrayEquals(new double[] {1, 3, 5}, doubles(t, "a"));
        assertArrayEquals(new double[] {2, 4, 6}, doubles(t, "b"));
        Path g = write("crlf.csv", "a,b\r\n1,2\r\n3,4");
        EventTable u = read(g, TextSampleSettings.of("x"));
        assertArrayEquals(new double[] {1, 3}, doubles(u, "a"));
        assertArrayEquals(new double[] {2, 4}, doubles(u, "b"));
    }

    @Test
    void explicitDelimiterOverridesAutoDetection() throws Exception {
        // a CSV file read as whitespace-separated: one text field per line
        Path f = write("one.csv", "a,b\nx,2\ny,4\n");
        EventTable t = read(f, TextSampleSettings.of("x").withDelimiter(Delimiter.WHITESPACE));
        assertEquals(List.of("a,b"), t.columnNames());
        assertEquals(List.of("x,2", "y,4"), ((Column.Categorical) t.column("a,b")).levels());
        EventTable c = read(f, TextSampleSettings.of("x").withDelimiter(Delimiter.COMMA));
        assertEquals(List.of("a", "b"), c.columnNames());
    }

    @Test
    void aFewMalformedNumbersDoNotMakeACategory() throws Exception {
        Path f = write("mostly.txt", "a b\n1 2\n3 4\n5 x\n");
        InputException e = assertThrows(InputException.class, () -> read(f, TextSampleSettings.of("x")));
        assertEquals(4, e.line());
        Path g = write("labels.txt", "a b\n1 p\n3 fe\n5 4\n");
        assertEquals(ColumnType.CATEGORICAL, read(g, TextSampleSettings.of("x")).column("b").spec().type());
    }

    @Test
    void aBadLineNamesFileLineContentAndExpectation() throws Exception {
        Path f = write("bad.txt", "E Ne\n1 2\n3 4\n5 x7\n8 9\n10 11\n");
        InputException e = assertThrows(InputException.class, () -> read(f, TextSampleSettings.of("x")));
        assertEquals(4, e.line());
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith(f + ":4: column 'Ne': expected a decimal number but found 'x7'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("in line '5 x7'"), e.getMessage());

        Path g = write("count.txt", "E Ne\n1 2\n3 4 5\n");
        InputException e2 = assertThrows(InputException.class, () -> read(g, TextSampleSettings.of("x")));
        assertEquals(3, e2.line());
        assertTrue(e2.getMessage().contains("expected 2 whitespace-separated fields [E, Ne] but found 3"),
                e2.getMessage());
    }

    @Test
    void lineNumbersAreRightAcrossChunksAndThreads() throws Exception {
        StringBuilder sb = new StringBuilder("a b\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(' ').append(i * 0.5).append('\n');
            if (i % 7 == 0) {
                sb.append('\n');
            }
        }
        sb.append("1 oops\n");
        Path f = write("long.txt", sb.toString());
        long expectedLine = sb.toString().split("\n", -1).length - 1;
        for (int threads : new int[] {1, 3}) {
            InputException e = assertThrows(InputException.class,
                    () -> read(f, TextSampleSettings.of("x"), threads, 100));
            assertEquals(expectedLine, e.line());
        }
    }

    @Test
    void badLinesAreSkippedCountedAndReported() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(',').append(i % 100 == 3 ? "n/a" : Integer.toString(2 * i)).append('\n');
        }
        sb.append("1,2,3\n");
        Path f = write("skip.csv", sb.toString());
        EventTable t = read(f, TextSampleSettings.of("x").withOnBadLine(BadLinePolicy.SKIP), 2, 1000);
        assertEquals(990, t.rowCount());
        assertEquals(11L, t.attributes().get("skipped_lines"));
        assertEquals(1, warnings.size());
        String w = warnings.get(0);
        assertTrue(w.contains("skipped 11 malformed lines"), w);
        assertTrue(w.contains(f + ":5: column 'b': expected a decimal number but found 'n/a'"), w);
        assertTrue(w.contains("lines [5, 105, 205, 305, 405]"), w);
        double[] a = doubles(t, "a");
        for (double v : a) {
            assertTrue(v % 100 != 3, "skipped row kept: " + v);
        }
    }

    @Test
    void onlyTheRequestedColumnsAreReadInTheRequestedOrder() throws Exception {
        Path f = write("sel.txt", "E Ne Nmu Ze\n1 2 3 4\n5 6 7 8\n");
        EventTable t = read(f, TextSampleSettings.of("x").withColumns("Ze", "E"));
        assertEquals(List.of("Ze", "E"), t.columnNames());
        assertArrayEquals(new double[] {4, 8}, doubles(t, "Ze"));
        // an unread column may hold anything
        Path g = write("sel2.txt", "E junk\n1 abc\n2 def\n");
        assertArrayEquals(new double[] {1, 2}, doubles(read(g, TextSampleSettings.of("x").withColumns("E")), "E"));
        InputException e = assertThrows(InputException.class,
                () -> read(f, TextSampleSettings.of("x").withColumns("E", "Nope")));
        assertTrue(e.getMessage().contains("column 'Nope'") && e.getMessage().contains("[E, Ne, Nmu, Ze]"),
                e.getMessage());
    }

    @Test
    void categoricalTimestampAndConfiguredTypes() throws Exception {
        Path f = write("ev.csv", "datetime,Particle,id,lgE,n\n"
                + "2004-01-01 00:00:28,p,14,15.5,7\n"
                + "2004-01-01 00:01:42,fe,5626,16.25,8\n"
                + "2005-06-30T23:59:59Z,p,14,14.0,9\n");
        EventTable t = read(f, TextSampleSettings.of("x").withTypes(Map.of("id", ValueType.INT, "n",
                ValueType.LONG, "lgE", ValueType.FLOAT)).withUnits(Map.of("lgE", "lg(E/GeV)")));
        assertEquals(ColumnType.LONG, t.column("datetime").spec().type());
        assertEquals("s", t.column("datetime").unit());
        Column.Longs dt = (Column.Longs) t.column("datetime");
        assertEquals(LocalDateTime.of(2004, 1, 1, 0, 0, 28).toEpochSecond(ZoneOffset.UTC), dt.get(0));
        assertEquals(LocalDateTime.of(2005, 6, 30, 23, 59, 59).toEpochSecond(ZoneOffset.UTC), dt.get(2));
        Column.Categorical particle = (Column.Categorical) t.column("Particle");
        assertEquals(List.of("p", "fe"), particle.levels());
        assertEquals(List.of("p", "fe", "p"), List.of(particle.get(0), particle.get(1), particle.get(2)));
        assertEquals(5626, ((Column.Ints) t.column("id")).get(1));
        assertEquals(9L, ((Column.Longs) t.column("n")).get(2));
        assertEquals(16.25f, ((Column.Floats) t.column("lgE")).get(1));
        assertEquals("lg(E/GeV)", t.column("lgE").unit());
    }

    @Test
    void categoryLevelsAreInFirstAppearanceOrderWhateverTheChunking() throws Exception {
        String[] names = {"fe", "p", "he", "c", "si"};
        StringBuilder sb = new StringBuilder("Particle,lgE\n");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            sb.append(names[i < 5 ? i : rng.nextInt(5)]).append(',').append(14 + rng.nextDouble() * 4).append('\n');
        }
        Path f = write("cat.csv", sb.toString());
        EventTable ref = read(f, TextSampleSettings.of("x"), 1, TextTableReader.DEFAULT_CHUNK_BYTES);
        EventTable small = read(f, TextSampleSettings.of("x"), 4, 512);
        Column.Categorical a = (Column.Categorical) ref.column("Particle");
        Column.Categorical b = (Column.Categorical) small.column("Particle");
        assertEquals(List.of(names), a.levels());
        assertEquals(a.levels(), b.levels());
        assertArrayEquals(a.toDoubleArray(), b.toDoubleArray());
        assertArrayEquals(doubles(ref, "lgE"), doubles(small, "lgE"));
    }

    @Test
    void multiFileGlobsAreConcatenatedInSortedOrder() throws Exception {
        write("part_b.txt", "a b\n3 4\n");
        write("part_a.txt", "a b\n1 2\n");
        write("part_c.txt", "a b\n5 6");
        write("other.txt", "a b\n9 9\n");
        List<Path> files = TextTableReader.expand(dir.resolve("part_*.txt"));
        assertEquals(List.of("part_a.txt", "part_b.txt", "part_c.txt"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        EventTable t = TextTableReader.read("t", files, TextSampleSettings.of("part_*.txt"), 2, ProgressMonitor.NONE,
                warnings::add);
        assertArrayEquals(new double[] {1, 3, 5}, doubles(t, "a"));
        write("part_d.txt", "a c\n7 8\n");
        List<Path> withBad = TextTableReader.expand(dir.resolve("part_*.txt"));
        InputException e = assertThrows(InputException.class, () -> TextTableReader.read("t", withBad,
                TextSampleSettings.of("x"), 2, ProgressMonitor.NONE, warnings::add));
        assertTrue(e.getMessage().contains("header [a, c] differs from the header [a, b]"), e.getMessage());
        InputException none = assertThrows(InputException.class, () -> TextTableReader.expand(dir.resolve("zz*.txt")));
        assertTrue(none.getMessage().contains("no file matches the glob 'zz*.txt'"), none.getMessage());
    }

    @Test
    void columnsAreBitIdenticalForAnyThreadCountAndChunkSize() throws Exception {
        SplittableRandom rng = new SplittableRandom(99);
        StringBuilder sb = new StringBuilder("x y z\n");
        int rows = 60_000;
        double[][] expected = new double[3][rows];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 3; c++) {
                String s = switch (c) {
                    case 0 -> Double.toString(Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL));
                    case 1 -> String.format("%.5f", rng.nextGaussian() * 10);
                    default -> Double.toString(rng.nextDouble(-1e6, 1e6));
                };
                expected[c][i] = Double.parseDouble(s);
                sb.append(s).append(c == 2 ? "\n" : " ");
            }
        }
        Path f = write("big.txt", sb.toString());
        EventTable one = read(f, TextSampleSettings.of("x"), 1, 64 << 10);
        EventTable four = read(f, TextSampleSettings.of("x"), 4, 64 << 10);
        EventTable tiny = read(f, TextSampleSettings.of("x"), 3, 37);
        for (int c = 0; c < 3; c++) {
            String name = List.of("x", "y", "z").get(c);
            assertArrayEquals(expected[c], doubles(one, name), name);
            assertArrayEquals(expected[c], doubles(four, name), name);
            assertArrayEquals(expected[c], doubles(tiny, name), name);
        }
    }

    @Test
    void emptyFilesAndHeaderOnlyFiles() throws Exception {
        Path empty = write("empty.txt", "");
        InputException e = assertThrows(InputException.class, () -> read(empty, TextSampleSettings.of("x")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        EventTable t = read(write("h.txt", "# E Ne\n"), TextSampleSettings.of("x"));
        assertEquals(List.of("E", "Ne"), t.columnNames());
        assertEquals(0, t.rowCount());
        InputException missing = assertThrows(InputException.class,
                () -> read(dir.resolve("nope.txt"), TextSampleSettings.of("x")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
    }
}
