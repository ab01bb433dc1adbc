package org.fluxion.io.text.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.io.text.TextSampleSettings.ValueType;

/**
 * Parses the whole lines in {@code buf[from, to)} into typed column arrays. One instance per chunk
 * (not thread-safe); chunks are independent, so results do not depend on which thread parses them.
 */
final class ChunkParser {
    private static final int DOUBLE = 0, FLOAT = 1, LONG = 2, INT = 3, CATEGORICAL = 4, TIMESTAMP = 5;
    private static final int MAX_LINE_CHARS = 200;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private static final long[] LONG_POW10 = new long[9];
    /** Reads 8 bytes as a little-endian long (one bounds check instead of eight). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    static {
        long p = 1;
        for (int i = 0; i < LONG_POW10.length; i++) {
            LONG_POW10[i] = p;
            p *= 10;
        }
    }

    /**
     * The value of eight decimal digit values (0–9, one per byte, the first digit in the lowest
     * byte), e.g. from {@code word - 0x3030303030303030}; leading zero bytes act as leading zeros
     * (D. Lemire's SWAR conversion: three multiplications instead of eight).
     */
    static long eightDigits(long d) {
        d = d * 10 + (d >>> 8);
        d = ((d & 0x000000FF000000FFL) * (100 + (1000000L << 32))
                + ((d >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32))) >>> 32;
        return d;
    }

    private final TextLayout layout;
    private final boolean skipBadLines;
    private final int[] target;
    private final int[] kind;
    private final int fieldCount;
    /** Whether every read column is DOUBLE or FLOAT, so that {@link #fastLine} applies. */
    private final boolean fastEligible;

    private double[][] doubles;
    private float[][] floats;
    private long[][] longs;
    private int[][] ints;
    private int capacity;

    // categorical columns: per column a map from the field's bytes to a chunk-local code
    private final Map<ByteKey, Integer>[] dictionaries;
    private final List<String>[] levels;
    private final int[] pendingStart;
    private final int[] pendingEnd;
    private final ByteKey probe = new ByteKey();

    @SuppressWarnings("unchecked")
    ChunkParser(TextLayout layout, boolean skipBadLines) {
        this.layout = layout;
        this.skipBadLines = skipBadLines;
        this.target = layout.target();
        this.fieldCount = layout.fieldCount();
        int n = layout.columnCount();
        kind = new int[n];
        for (int c = 0; c < n; c++) {
            kind[c] = code(layout.types().get(c));
        }
        boolean allFloating = n > 0;
        for (int c = 0; c < n; c++) {
            allFloating &= kind[c] == DOUBLE || kind[c] == FLOAT;
        }
        fastEligible = allFloating;
        dictionaries = new Map[n];
        levels = new List[n];
        pendingStart = new int[n];
        pendingEnd = new int[n];
        for (int c = 0; c < n; c++) {
            if (kind[c] == CATEGORICAL) {
                dictionaries[c] = new HashMap<>();
                levels[c] = new ArrayList<>();
            }
        }
    }

    private static int code(ValueType t) {
        return switch (t) {
            case DOUBLE -> DOUBLE;
            case FLOAT -> FLOAT;
            case LONG -> LONG;
            case INT -> INT;
            case CATEGORICAL -> CATEGORICAL;
            case TIMESTAMP -> TIMESTAMP;
        };
    }

    private void allocate(int rows) {
        int n = kind.length;
        doubles = new double[n][];
        floats = new float[n][];
        longs = new long[n][];
        ints = new int[n][];
        capacity = Math.max(16, rows);
        for (int c = 0; c < n; c++) {
            switch (kind[c]) {
                case DOUBLE -> doubles[c] = new double[capacity];
                case FLOAT -> floats[c] = new float[capacity];
                case LONG, TIMESTAMP -> longs[c] = new long[capacity];
                default -> ints[c] = new int[capacity];
            }
        }
    }

    private void grow() {
        int newCapacity = capacity + (capacity >> 1) + 16;
        for (int c = 0; c < kind.length; c++) {
            switch (kind[c]) {
                case DOUBLE -> doubles[c] = Arrays.copyOf(doubles[c], newCapacity);
                case FLOAT -> floats[c] = Arrays.copyOf(floats[c], newCapacity);
                case LONG, TIMESTAMP -> longs[c] = Arrays.copyOf(longs[c], newCapacity);
                default -> ints[c] = Arrays.copyOf(ints[c], newCapacity);
            }
        }
        capacity = newCapacity;
    }

    /**
     * @param buf           the bytes
     * @param from          first byte of the first line
     * @param to            end of the last line (after its newline, or the end of the file)
     * @param estimatedRows initial array capacity
     */
    ChunkResult parse(byte[] buf, int from, int to, int estimatedRows) {
        allocate(estimatedRows);
        ChunkResult result = new ChunkResult(kind.length);
        final boolean comma = layout.comma();
        final int[] target = this.target;
        final int fieldCount = this.fieldCount;
        int row = 0;
        long line = 0;
        int p = from;
        while (p < to) {
            int lineStart = p;
            line++;
            // leading whitespace; a blank line is skipped silently
            byte c;
            while (p < to && ((c = buf[p]) == ' ' || c == '\t' || c == '\r')) {
                p++;
            }
            if (p >= to || buf[p] == '\n') {
                p++;
                continue;
            }
            if (row == capacity) {
                grow();
            }
            if (fastEligible) {
                int next = fastLine(buf, p, to, row, comma);
                if (next >= 0) {
                    row++;
                    p = next;
                    continue;
                }
                // not plain: the general path below re-parses the line and reports problems
            }
            int f = 0;
            String problem = null;
            if (comma) {
                while (true) {
                    int col = f < fieldCount ? target[f] : -1;
                    int k = col >= 0 ? kind[col] : -1;
                    boolean done = false;
                    if (k == DOUBLE || k == FLOAT) {
                        double v = scanNumber(buf, p, to);
                        int q = scanEnd;
                        if (q >= 0 && (q == to || (c = buf[q]) == ',' || c == '\n')) {
                            if (k == DOUBLE) {
                                doubles[col][row] = v;
                            } else {
                                floats[col][row] = (float) v;
                            }
                            p = q;
                            done = true;
                        }
                    }
                    if (!done) {
                        int fs = p;
                        while (p < to && (c = buf[p]) != ',' && c != '\n') {
                            p++;
                        }
                        int fe = p;
                        while (fe > fs && ((c = buf[fe - 1]) == ' ' || c == '\t' || c == '\r')) {
                            fe--;
                        }
                        while (fs < fe && ((c = buf[fs]) == ' ' || c == '\t')) {
                            fs++;
                        }
                        if (col >= 0 && (problem = store(col, row, buf, fs, fe)) != null) {
                            break;
                        }
                    }
                    f++;
                    if (p < to && buf[p] == ',') {
                        p++;
                    } else {
                        break;
                    }
                }
            } else {
                while (true) {
                    int col = f < fieldCount ? target[f] : -1;
                    int k = col >= 0 ? kind[col] : -1;
                    boolean done = false;
                    if (k == DOUBLE || k == FLOAT) {
                        double v = scanNumber(buf, p, to);
                        int q = scanEnd;
                        if (q >= 0 && (q == to || (c = buf[q]) == ' ' || c == '\n' || c == '\t' || c == '\r')) {
                            if (k == DOUBLE) {
                                doubles[col][row] = v;
                            } else {
                                floats[col][row] = (float) v;
                            }
                            p = q;
                            done = true;
                        }
                    }
                    if (!done) {
                        int fs = p;
                        while (p < to && (c = buf[p]) != ' ' && c != '\t' && c != '\n' && c != '\r') {
                            p++;
                        }
                        if (col >= 0 && (problem = store(col, row, buf, fs, p)) != null) {
                            break;
                        }
                    }
                    f++;
                    while (p < to && ((c = buf[p]) == ' ' || c == '\t' || c == '\r')) {
                        p++;
                    }
                    if (p >= to || buf[p] == '\n') {
                        break;
                    }
                }
            }
            if (problem == null && f != fieldCount) {
                problem = "expected " + fieldCount + " " + (comma ? "comma" : "whitespace") + "-separated fields "
                        + layout.header() + " but found " + f;
            }
            if (problem != null) {
                int lineEnd = p;
                while (lineEnd < to && buf[lineEnd] != '\n') {
                    lineEnd++;
                }
                ChunkResult.BadLine bad = new ChunkResult.BadLine(line, lineText(buf, lineStart, lineEnd), problem);
                if (!skipBadLines) {
                    result.error = bad;
                    // count the remaining lines so that line numbers of later chunks stay right
                    for (int k = lineEnd + 1; k < to; k++) {
                        if (buf[k] == '\n') {
                            line++;
                        }
                    }
                    if (to > 0 && buf[to - 1] != '\n' && lineEnd + 1 < to) {
                        line++;
                    }
                    break;
                }
                if (result.skipped < ChunkResult.MAX_REPORTED_SKIPS) {
                    result.firstSkippedLocalLines[(int) result.skipped] = line;
                }
                if (result.firstSkipped == null) {
                    result.firstSkipped = bad;
                }
                result.skipped++;
                p = lineEnd + 1;
                continue;
            }
            commitCategories(row, buf);
            row++;
            p++; // the newline (or past the end)
        }
        result.rows = row;
        result.lines = line;
        for (int c = 0; c < kind.length; c++) {
            switch (kind[c]) {
                case DOUBLE -> result.columns[c] = doubles[c];
                case FLOAT -> result.columns[c] = floats[c];
                case LONG, TIMESTAMP -> result.columns[c] = longs[c];
                default -> result.columns[c] = ints[c];
            }
            result.levels[c] = levels[c];
        }
        return result;
    }

    /**
     * Fast path for a line whose read columns are all DOUBLE/FLOAT and hold plain decimals
     * ({@code [+-]?digits[.digits]}, at most 18 digits, mantissa below 2^53): parses it in one pass
     * with exact Clinger scaling (equal to {@link Double#parseDouble}). Away from the chunk end, a
     * field with 1–7 integer and 0–7 fraction digits is converted eight bytes at a time (SWAR);
     * longer digit runs leave the fast path.
     *
     * @param p first non-blank byte of the line
     * @return the index after the line's newline (or {@code to}), or -1 if anything is not plain
     *         (exponents, words, CR, extra blanks in CSV, wrong field count, malformed values); the
     *         caller then parses the line on the general path, which overwrites this row
     */
    private int fastLine(byte[] b, int p, int to, int row, boolean comma) {
        final int[] target = this.target;
        final int last = fieldCount - 1;
        for (int f = 0; ; f++) {
            int col = target[f];
            if (col >= 0) {
                boolean negative = false;
                if (p < to) {
                    byte c = b[p];
                    if (c == '-') {
                        negative = true;
                        p++;
                    } else if (c == '+') {
                        p++;
                    }
                }
                double v;
                int q;
                if (p + 17 <= to) {
                    // SWAR: up to 7 integer and 7 fraction digits, 8 bytes at a time
                    long d = (long) LONGS.get(b, p) - ZEROS;
                    long nonDigit = (d | (d + 0x7676767676767676L)) & 0x8080808080808080L;
                    int n = Long.numberOfTrailingZeros(nonDigit) >>> 3; // integer digits
                    if (n == 0 || n == 8) {
                        return -1;
                    }
                    long m = eightDigits(d << ((8 - n) << 3));
                    q = p + n;
                    if (b[q] == '.') {
                        long g = (long) LONGS.get(b, q + 1) - ZEROS;
                        long fNonDigit = (g | (g + 0x7676767676767676L)) & 0x8080808080808080L;
                        int k = Long.numberOfTrailingZeros(fNonDigit) >>> 3; // fraction digits
                        if (k == 8) {
                            return -1;
                        }
                        if (k > 0) {
                            m = m * LONG_POW10[k] + eightDigits(g << ((8 - k) << 3));
                        }
                        q += 1 + k;
                        v = (double) m / POW10[k]; // both exact (m < 10^14): correctly rounded
                    } else {
                        v = m;
                    }
                } else {
                    long m = 0;
                    q = p;
                    while (q < to) {
                        int d = b[q] - '0';
                        if (d < 0 || d > 9) {
                            break;
                        }
                        m = m * 10 + d;
                        q++;
                    }
                    int digits = q - p;
                    int fracDigits = 0;
                    if (q < to && b[q] == '.') {
                        int fs = ++q;
                        while (q < to) {
                            int d = b[q] - '0';
                            if (d < 0 || d > 9) {
                                break;
                            }
                            m = m * 10 + d;
                            q++;
                        }
                        fracDigits = q - fs;
                        digits += fracDigits;
                    }
                    if (digits == 0 || digits > 18 || fracDigits > 22 || m >= (1L << 53)) {
                        return -1;
                    }
                    v = m;
                    if (fracDigits > 0) {
                        v /= POW10[fracDigits];
                    }
                }
                if (negative) {
                    v = -v;
                }
                if (kind[col] == DOUBLE) {
                    doubles[col][row] = v;
                } else {
                    floats[col][row] = (float) v;
                }
                p = q;
            } else if (comma) {
                while (p < to && b[p] != ',' && b[p] != '\n') {
                    p++;
                }
            } else {
                byte c;
                while (p < to && (c = b[p]) != ' ' && c != '\t' && c != '\n') {
                    p++;
                }
            }
            // p is at the byte after the field
            if (p >= to) {
                return f == last ? to : -1;
            }
            byte c = b[p];
            if (c == '\n') {
                return f == last ? p + 1 : -1;
            }
            if (comma) {
                if (c != ',' || f == last) {
                    return -1;
                }
                p++;
            } else {
                if (c != ' ' && c != '\t') {
                    return -1;
                }
                do {
                    p++;
                } while (p < to && ((c = b[p]) == ' ' || c == '\t'));
                if (f == last) {
                    return p >= to ? to : b[p] == '\n' ? p + 1 : -1;
                }
                if (p >= to || b[p] == '\n') {
                    return -1;
                }
            }
        }
    }

    /** End of the number found by {@link #scanNumber}, or -1 if the fast path does not apply. */
    private int scanEnd;

    /**
     * Fast path for the common plain decimal: {@code [+-]?digits[.digits]([eE][+-]?digits)?} with at
     * most 18 digits, a mantissa below 2^53 and a decimal exponent within ±22 is computed exactly
     * (Clinger's fast path, equal to {@link Double#parseDouble}); the number's end goes to
     * {@link #scanEnd}. Anything else sets {@code scanEnd = -1} and the caller uses
     * {@link FieldScanner#parseDouble} on the whole field.
     */
    private double scanNumber(byte[] b, int p, int to) {
        boolean negative = false;
        if (p < to) {
            byte c = b[p];
            if (c == '-') {
                negative = true;
                p++;
            } else if (c == '+') {
                p++;
            }
        }
        long m = 0;
        int q = p;
        while (q < to) {
            int d = b[q] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            m = m * 10 + d;
            q++;
        }
        int digits = q - p;
        int exp = 0;
        if (q < to && b[q] == '.') {
            q++;
            int fs = q;
            while (q < to) {
                int d = b[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                m = m * 10 + d;
                q++;
            }
            exp = fs - q;
            digits += q - fs;
        }
        if (digits == 0 || digits > 18) {
            scanEnd = -1;
            return 0;
        }
        if (q < to && (b[q] == 'e' || b[q] == 'E')) {
            q++;
            boolean expNegative = false;
            if (q < to && (b[q] == '-' || b[q] == '+')) {
                expNegative = b[q] == '-';
                q++;
            }
            int es = q;
            int e = 0;
            while (q < to && q - es < 4) {
                int d = b[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                e = e * 10 + d;
                q++;
            }
            if (q == es) {
                scanEnd = -1;
                return 0;
            }
            exp += expNegative ? -e : e;
        }
        if (m >= (1L << 53) || exp < -22 || exp > 22) {
            scanEnd = -1;
            return 0;
        }
        scanEnd = q;
        double v = m;
        v = exp < 0 ? v / POW10[-exp] : v * POW10[exp];
        return negative ? -v : v;
    }

    /** Stores field [fs, fe) into column {@code col} at {@code row}; returns a problem or null. */
    private String store(int col, int row, byte[] buf, int fs, int fe) {
        try {
            switch (kind[col]) {
                case DOUBLE -> doubles[col][row] = FieldScanner.parseDouble(buf, fs, fe);
                case FLOAT -> floats[col][row] = (float) FieldScanner.parseDouble(buf, fs, fe);
                case LONG -> longs[col][row] = FieldScanner.parseLong(buf, fs, fe);
                case TIMESTAMP -> longs[col][row] = FieldScanner.parseTimestamp(buf, fs, fe);
                case INT -> {
                    long v = FieldScanner.parseLong(buf, fs, fe);
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw FieldScanner.Malformed.INSTANCE;
                    }
                    ints[col][row] = (int) v;
                }
                default -> {
                    if (fe == fs) {
                        return "column '" + layout.names().get(col) + "': expected a category but the field is empty";
                    }
                    pendingStart[col] = fs;
                    pendingEnd[col] = fe;
                }
            }
            return null;
        } catch (FieldScanner.Malformed e) {
            String what = switch (kind[col]) {
                case DOUBLE, FLOAT -> "a decimal number";
                case LONG -> "an integer";
                case INT -> "a 32-bit integer";
                default -> "a timestamp YYYY-MM-DD HH:MM:SS (UTC)";
            };
            return "column '" + layout.names().get(col) + "': expected " + what + " but found '"
                    + lineText(buf, fs, fe) + "'";
        }
    }

    private void commitCategories(int row, byte[] buf) {
        for (int c = 0; c < kind.length; c++) {
            if (kind[c] == CATEGORICAL) {
                probe.set(buf, pendingStart[c], pendingEnd[c]);
                Integer code = dictionaries[c].get(probe);
                if (code == null) {
                    code = levels[c].size();
                    byte[] key = Arrays.copyOfRange(buf, pendingStart[c], pendingEnd[c]);
                    dictionaries[c].put(new ByteKey().set(key, 0, key.length), code);
                    levels[c].add(new String(key, StandardCharsets.UTF_8));
                }
                ints[c][row] = code;
            }
        }
    }

    private static String lineText(byte[] buf, int start, int end) {
        int e = end;
        if (e > start && buf[e - 1] == '\r') {
            e--;
        }
        boolean cut = e - start > MAX_LINE_CHARS;
        String s = new String(buf, start, Math.min(e - start, MAX_LINE_CHARS), StandardCharsets.UTF_8);
        return cut ? s + "…" : s;
    }

    /** A byte range usable as a hash key (the probe is re-pointed; stored keys own their bytes). */
    private static final class ByteKey {
        private byte[] bytes;
        private int start;
        private int end;
        private int hash;

        ByteKey set(byte[] b, int s, int e) {
            bytes = b;
            start = s;
            end = e;
            int h = 1;
            for (int i = s; i < e; i++) {
                h = 31 * h + b[i];
            }
            hash = h;
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(bytes, start, end, k.bytes, k.start, k.end);
        }
    }
}
