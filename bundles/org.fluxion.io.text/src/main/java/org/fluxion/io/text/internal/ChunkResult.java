package org.fluxion.io.text.internal;

import java.util.List;

/**
 * What one chunk of lines parsed into: per output column an array holding {@link #rows} values
 * (double[], float[], long[] or int[]; int[] codes into {@link #levels} for categorical columns),
 * plus line accounting. Not modified after the parser returns it.
 */
final class ChunkResult {
    /** A malformed line: chunk-local 1-based line number, its text (truncated) and the problem. */
    record BadLine(long localLine, String content, String problem) {
    }

    static final int MAX_REPORTED_SKIPS = 10;

    final Object[] columns;
    /** Per categorical output column the chunk-local levels (code order), else null. */
    final List<String>[] levels;
    int rows;
    /** Lines in the chunk (every newline-terminated line, and a last unterminated one). */
    long lines;
    long skipped;
    final long[] firstSkippedLocalLines = new long[MAX_REPORTED_SKIPS];
    /** Under the error policy: the first bad line; parsing stopped there. */
    BadLine error;
    /** Under the skip policy: the first skipped line, for the warning. */
    BadLine firstSkipped;

    @SuppressWarnings("unchecked")
    ChunkResult(int columnCount) {
        columns = new Object[columnCount];
        levels = new List[columnCount];
    }
}
