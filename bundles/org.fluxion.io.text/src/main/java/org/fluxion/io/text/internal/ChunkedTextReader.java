package org.fluxion.io.text.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.text.TextSampleSettings;
import org.fluxion.io.text.TextSampleSettings.BadLinePolicy;
import org.fluxion.io.text.TextSampleSettings.ValueType;

/**
 * Reads one sample from one or more text files: the files are read sequentially in chunks of whole
 * lines into byte arrays, the chunks are parsed on a fixed pool of worker threads, and the chunk
 * results are concatenated in file and chunk order. Chunk boundaries depend only on the chunk size,
 * never on the thread count, so the table is identical for any number of threads.
 * Not thread-safe; one instance per read.
 */
public final class ChunkedTextReader {
    /** Lines sampled from the first file to infer column types. */
    private static final int INFERENCE_LINES = 1000;

    private final String sampleName;
    private final List<Path> files;
    private final TextSampleSettings settings;
    private final int threads;
    private final int chunkBytes;
    private final ProgressMonitor monitor;
    private final Consumer<String> warnings;

    /**
     * @param sampleName table name
     * @param files      files to concatenate, at least one
     * @param settings   how to read them
     * @param threads    parser threads, >= 1
     * @param chunkBytes bytes per chunk, >= 1 (lines longer than a chunk are handled)
     * @param monitor    progress and cancellation
     * @param warnings   receives the skipped-lines report
     */
    public ChunkedTextReader(String sampleName, List<Path> files, TextSampleSettings settings, int threads,
            int chunkBytes, ProgressMonitor monitor, Consumer<String> warnings) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("sample '" + sampleName + "': no files to read");
        }
        if (threads < 1 || chunkBytes < 1) {
            throw new IllegalArgumentException("threads and chunkBytes must be >= 1 but were " + threads + ", "
                    + chunkBytes);
        }
        this.sampleName = sampleName;
        this.files = List.copyOf(files);
        this.settings = settings;
        this.threads = threads;
        this.chunkBytes = chunkBytes;
        this.monitor = monitor;
        this.warnings = warnings;
    }

    /** A submitted chunk: where it came from and its pending result. */
    private record Pending(int file, Future<ChunkResult> result) {
    }

    /**
     * @return the table, with attributes {@code source_files}, {@code row_count}, {@code skipped_lines}
     *         and {@code delimiter}
     * @throws InputException for malformed content (file, line, content, expectation in the message)
     * @throws IOException    if a file cannot be read
     */
    public EventTable read() throws IOException, InputException {
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += size(f);
        }
        monitor.begin("reading sample '" + sampleName + "' (" + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + ")", totalBytes);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load_text-" + sampleName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Pending> pending = new ArrayList<>();
            TextLayout layout = null;
            int[] estimatedLineBytes = {64};
            boolean skip = settings.onBadLine() == BadLinePolicy.SKIP;
            int waitedUpTo = 0;
            for (int fi = 0; fi < files.size(); fi++) {
                Path file = files.get(fi);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    byte[] buf = new byte[chunkBytes];
                    int len = fill(ch, buf, 0);
                    boolean eof = len < buf.length;
                    // the header line
                    int nl = indexOf(buf, 0, len, (byte) '\n');
                    while (nl < 0 && !eof) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                        int n = fill(ch, buf, len);
                        eof = len + n < buf.length;
                        nl = indexOf(buf, len, len + n, (byte) '\n');
                        len += n;
                    }
                    int headerEnd = nl < 0 ? len : nl;
                    if (headerEnd == 0 && len == 0) {
                        throw new InputException(file, 1, "the file is empty; expected a header line with the column names");
                    }
                    String headerLine = headerText(buf, headerEnd);
                    if (layout == null) {
                        layout = layout(file, headerLine, buf, nl < 0 ? len : nl + 1, len);
                        estimatedLineBytes[0] = estimateLineBytes(buf, nl < 0 ? len : nl + 1, len);
                    } else {
                        List<String> names = splitHeader(headerLine, layout.comma());
                        if (!names.equals(layout.header())) {
                            throw new InputException(file, 1, "header " + names + " differs from the header "
                                    + layout.header() + " of " + files.get(0) + "; files of one sample must share their columns");
                        }
                    }
                    int from = nl < 0 ? len : nl + 1;
                    final TextLayout lay = layout;
                    while (true) {
                        monitor.checkCancelled();
                        int end;
                        if (eof) {
                            end = len;
                        } else {
                            int last = lastIndexOf(buf, from, len, (byte) '\n');
                            if (last < 0) { // a line longer than the buffer: grow and read on
                                if (from > 0) {
                                    buf = Arrays.copyOfRange(buf, from, from + buf.length);
                                    len -= from;
                                    from = 0;
                                } else {
                                    buf = Arrays.copyOf(buf, buf.length * 2);
                                }
                                int n = fill(ch, buf, len);
                                eof = len + n < buf.length;
                                len += n;
                                continue;
                            }
                            end = last + 1;
                        }
                        if (end > from) {
                            final byte[] chunk = buf;
                            final int cFrom = from, cTo = end;
                            final int estimate = (cTo - cFrom) / Math.max(1, estimatedLineBytes[0]) + 64;
                            pending.add(new Pending(fi, pool.submit(() -> {
                                ChunkResult r = new ChunkParser(lay, skip).parse(chunk, cFrom, cTo, estimate);
                                monitor.worked(cTo - cFrom);
                                return r;
                            })));
                        }
                        if (eof) {
                            break;
                        }
                        // carry the partial last line into a fresh buffer
                        int carry = len - end;
                        byte[] next = new byte[Math.max(chunkBytes, carry * 2)];
                        System.arraycopy(buf, end, next, 0, carry);
                        buf = next;
                        len = carry;
                        from = 0;
                        int n = fill(ch, buf, len);
                        eof = len + n < buf.length;
                        len += n;
                        // bound the bytes in flight: wait for the oldest chunks beyond threads + 1
                        while (pending.size() - waitedUpTo > threads + 1) {
                            get(pending.get(waitedUpTo).result()); // errors are reported in order later
                            waitedUpTo++;
                        }
                    }
                } catch (NoSuchFileException e) {
                    throw new InputException(file, -1, "file not found", e);
                }
            }
            return assemble(layout, pending, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long size(Path f) throws InputException, IOException {
        try {
            return java.nio.file.Files.size(f);
        } catch (NoSuchFileException e) {
            throw new InputException(f, -1, "file not found", e);
        }
    }

    private static ChunkResult get(Future<ChunkResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while reading");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IOException(c);
        }
    }

    private EventTable assemble(TextLayout layout, List<Pending> pending, ExecutorService pool)
            throws IOException, InputException {
        int n = layout.columnCount();
        List<ChunkResult> results = new ArrayList<>(pending.size());
        long[] linesBefore = new long[pending.size()];
        long totalRows = 0, skipped = 0;
        List<Long> skippedLines = new ArrayList<>();
        ChunkResult.BadLine firstSkipped = null;
        Path firstSkippedFile = null;
        long firstSkippedLine = -1;
        int currentFile = -1;
        long fileLines = 1; // the header is line 1
        for (int k = 0; k < pending.size(); k++) {
            Pending p = pending.get(k);
            if (p.file() != currentFile) {
                currentFile = p.file();
                fileLines = 1;
            }
            ChunkResult r = get(p.result());
            linesBefore[k] = fileLines;
            Path file = files.get(p.file());
            if (r.error != null) {
                for (Pending q : pending) {
                    q.result().cancel(true);
                }
                throw new InputException(file, fileLines + r.error.localLine(), r.error.problem() + " in line '"
                        + r.error.content() + "' (sample '" + sampleName + "'; on_bad_line: skip would skip such lines)");
            }
            if (r.skipped > 0) {
                for (int s = 0; s < Math.min(r.skipped, ChunkResult.MAX_REPORTED_SKIPS); s++) {
                    if (skippedLines.size() < 5) {
                        skippedLines.add(fileLines + r.firstSkippedLocalLines[s]);
                    }
                }
                if (firstSkipped == null) {
                    firstSkipped = r.firstSkipped;
                    firstSkippedFile = file;
                    firstSkippedLine = fileLines + r.firstSkipped.localLine();
                }
            }
            skipped += r.skipped;
            fileLines += r.lines;
            totalRows += r.rows;
            results.add(r);
        }
        if (totalRows > Integer.MAX_VALUE - 16) {
            throw new InputException(files.get(0), -1, "sample '" + sampleName + "' has " + totalRows
                    + " rows, more than a column can hold (" + (Integer.MAX_VALUE - 16) + ")");
        }
        int rows = (int) totalRows;
        // concatenate, one task per column; categorical levels in order of first appearance
        List<Future<Column>> columns = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            final int col = c;
            columns.add(pool.submit(() -> concatenate(layout, col, results, rows)));
        }
        EventTable.Builder table = EventTable.builder(sampleName);
        for (Future<Column> f : columns) {
            try {
                table.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("interrupted while reading");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getCause());
            }
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.toString());
        }
        table.attribute("source_files", String.join(", ", names));
        table.attribute("row_count", (long) rows);
        table.attribute("skipped_lines", skipped);
        table.attribute("delimiter", layout.comma() ? "comma" : "whitespace");
        if (skipped > 0) {
            warnings.accept("sample '" + sampleName + "': skipped " + skipped + " malformed line"
                    + (skipped == 1 ? "" : "s") + " (on_bad_line: skip); first at " + firstSkippedFile + ":"
                    + firstSkippedLine + ": " + firstSkipped.problem() + " in line '" + firstSkipped.content()
                    + "'; lines " + skippedLines + (skipped > skippedLines.size() ? " …" : ""));
        }
        return table.build();
    }

    private Column concatenate(TextLayout layout, int c, List<ChunkResult> results, int rows) {
        String name = layout.names().get(c);
        String unit = unit(name, layout.types().get(c));
        switch (layout.types().get(c)) {
            case DOUBLE -> {
                double[] out = new double[rows];
                int at = 0;
                for (ChunkResult r : results) {
                    System.arraycopy((double[]) r.columns[c], 0, out, at, r.rows);
                    at += r.rows;
                }
                return Column.adoptDoubles(name, unit, out);
            }
            case FLOAT -> {
                float[] out = new float[rows];
                int at = 0;
                for (ChunkResult r : results) {
                    System.arraycopy((float[]) r.columns[c], 0, out, at, r.rows);
                    at += r.rows;
                }
                return Column.adoptFloats(name, unit, out);
            }
            case LONG, TIMESTAMP -> {
                long[] out = new long[rows];
                int at = 0;
                for (ChunkResult r : results) {
                    System.arraycopy((long[]) r.columns[c], 0, out, at, r.rows);
                    at += r.rows;
                }
                return Column.adoptLongs(name, unit, out);
            }
            case INT -> {
                int[] out = new int[rows];
                int at = 0;
                for (ChunkResult r : results) {
                    System.arraycopy((int[]) r.columns[c], 0, out, at, r.rows);
                    at += r.rows;
                }
                return Column.adoptInts(name, unit, out);
            }
            case CATEGORICAL -> {
                int[] out = new int[rows];
                Map<String, Integer> global = new HashMap<>();
                List<String> levels = new ArrayList<>();
                int at = 0;
                for (ChunkResult r : results) {
                    List<String> local = r.levels[c];
                    int[] map = new int[local.size()];
                    for (int k = 0; k < map.length; k++) {
                        Integer g = global.get(local.get(k));
                        if (g == null) {
                            g = levels.size();
                            global.put(local.get(k), g);
                            levels.add(local.get(k));
                        }
                        map[k] = g;
                    }
                    int[] codes = (int[]) r.columns[c];
                    for (int i = 0; i < r.rows; i++) {
                        out[at + i] = map[codes[i]];
                    }
                    at += r.rows;
                }
                return Column.adoptCategories(name, out, levels);
            }
            default -> throw new IllegalStateException("unhandled column type " + layout.types().get(c));
        }
    }

    private String unit(String column, ValueType type) {
        String u = settings.units().get(column);
        if (u != null) {
            return u;
        }
        if (type == ValueType.TIMESTAMP) {
            return "s";
        }
        if (type == ValueType.CATEGORICAL) {
            return "";
        }
        return defaultUnit(column);
    }

    /**
     * @return the default unit of a KCDC column name: "deg" for Ze/Az/zenith/azimuth, "m" for
     *         X/Y/CoreDist/core_x/core_y, "lg(E/eV)" for E/lgE, "lg(Ne)" for Ne/lgNe, "lg(Nmu)" for
     *         Nmu/lgNmu, else ""
     */
    public static String defaultUnit(String column) {
        return switch (column) {
            case "Ze", "Az", "zenith", "azimuth" -> "deg";
            case "X", "Y", "CoreDist", "core_x", "core_y" -> "m";
            case "E", "lgE" -> "lg(E/eV)";
            case "Ne", "lgNe" -> "lg(Ne)";
            case "Nmu", "lgNmu" -> "lg(Nmu)";
            default -> "";
        };
    }

    /** Resolves delimiter, selected columns and their types from the header and the first lines. */
    private TextLayout layout(Path file, String headerLine, byte[] buf, int from, int len) throws InputException {
        boolean comma = switch (settings.delimiter()) {
            case COMMA -> true;
            case WHITESPACE -> false;
            case AUTO -> headerLine.indexOf(',') >= 0;
        };
        List<String> header = splitHeader(headerLine, comma);
        if (header.isEmpty() || header.contains("")) {
            throw new InputException(file, 1, "expected a header line with " + (comma ? "comma" : "whitespace")
                    + "-separated column names but found '" + headerLine + "'");
        }
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (position.put(header.get(i), i) != null) {
                throw new InputException(file, 1, "header names column '" + header.get(i) + "' twice: " + header);
            }
        }
        List<String> names = settings.columns().isEmpty() ? header : settings.columns();
        int[] target = new int[header.size()];
        Arrays.fill(target, -1);
        for (int c = 0; c < names.size(); c++) {
            Integer pos = position.get(names.get(c));
            if (pos == null) {
                throw new InputException(file, 1, "column '" + names.get(c) + "' (from 'columns' of sample '"
                        + sampleName + "') is not in the header; available: " + header);
            }
            target[pos] = c;
        }
        for (String key : settings.types().keySet()) {
            if (!names.contains(key)) {
                throw new InputException(file, 1, "'types' of sample '" + sampleName + "' names column '" + key
                        + "', which is not read; read columns: " + names);
            }
        }
        Set<String> unused = new HashSet<>(settings.units().keySet());
        unused.removeAll(names);
        if (!unused.isEmpty()) {
            warnings.accept("sample '" + sampleName + "': 'units' names columns that are not read: " + unused);
        }
        List<ValueType> types = inferTypes(header, target, names, comma, buf, from, len);
        return new TextLayout(comma, List.copyOf(header), target, List.copyOf(names), List.copyOf(types));
    }

    /**
     * Infers per read column from up to {@value #INFERENCE_LINES} lines: DOUBLE if more than half of
     * the sampled values are numbers (so a few malformed values are reported as bad lines, not turned
     * into categories), else TIMESTAMP if more than half are timestamps, else CATEGORICAL; DOUBLE if
     * there are no data lines. Explicit {@code types} win. Lines with a wrong field count are ignored.
     */
    private List<ValueType> inferTypes(List<String> header, int[] target, List<String> names, boolean comma,
            byte[] buf, int from, int len) {
        int n = names.size();
        int[] numbers = new int[n], timestamps = new int[n];
        int sampled = 0;
        int p = from;
        List<int[]> fields = new ArrayList<>();
        while (p < len && sampled < INFERENCE_LINES) {
            int e = indexOf(buf, p, len, (byte) '\n');
            if (e < 0) {
                e = len;
            }
            fields.clear();
            split(buf, p, e, comma, fields);
            if (fields.size() == header.size()) {
                sampled++;
                for (int f = 0; f < fields.size(); f++) {
                    int c = target[f];
                    if (c >= 0) {
                        int[] r = fields.get(f);
                        if (FieldScanner.isNumber(buf, r[0], r[1])) {
                            numbers[c]++;
                        } else if (FieldScanner.isTimestamp(buf, r[0], r[1])) {
                            timestamps[c]++;
                        }
                    }
                }
            }
            p = e + 1;
        }
        List<ValueType> types = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            ValueType t = settings.types().get(names.get(c));
            if (t == null) {
                t = sampled == 0 || 2 * numbers[c] > sampled ? ValueType.DOUBLE
                        : 2 * timestamps[c] > sampled ? ValueType.TIMESTAMP : ValueType.CATEGORICAL;
            }
            types.add(t);
        }
        return types;
    }

    private static void split(byte[] b, int from, int to, boolean comma, List<int[]> out) {
        int p = from;
        if (comma) {
            while (true) {
                int s = p;
                while (p < to && b[p] != ',') {
                    p++;
                }
                int e = p;
                while (e > s && isBlank(b[e - 1])) {
                    e--;
                }
                while (s < e && isBlank(b[s])) {
                    s++;
                }
                out.add(new int[] {s, e});
                if (p >= to) {
                    break;
                }
                p++;
            }
        } else {
            while (true) {
                while (p < to && isBlank(b[p])) {
                    p++;
                }
                if (p >= to) {
                    break;
                }
                int s = p;
                while (p < to && !isBlank(b[p])) {
                    p++;
                }
                out.add(new int[] {s, p});
            }
        }
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static int estimateLineBytes(byte[] buf, int from, int len) {
        int lines = 0;
        int p = from;
        int limit = Math.min(len, from + (1 << 16));
        for (int i = p; i < limit; i++) {
            if (buf[i] == '\n') {
                lines++;
            }
        }
        return lines == 0 ? 64 : Math.max(1, (limit - from) / lines);
    }

    private static String headerText(byte[] buf, int end) {
        int start = 0;
        if (end >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        String s = new String(buf, start, end - start, StandardCharsets.UTF_8).strip();
        if (s.startsWith("#")) {
            s = s.substring(1).strip(); // "# E Ne Nmu Ze" style headers
        }
        return s;
    }

    static List<String> splitHeader(String line, boolean comma) {
        List<String> out = new ArrayList<>();
        if (comma) {
            for (String s : line.split(",", -1)) {
                out.add(s.strip());
            }
        } else if (!line.isBlank()) {
            out.addAll(Arrays.asList(line.strip().split("[ \\t]+")));
        }
        return out;
    }

    /** Reads until {@code buf} is full or the channel is exhausted; returns the bytes read. */
    private static int fill(FileChannel ch, byte[] buf, int off) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, off, buf.length - off);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static int indexOf(byte[] b, int from, int to, byte v) {
        for (int i = from; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte v) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
