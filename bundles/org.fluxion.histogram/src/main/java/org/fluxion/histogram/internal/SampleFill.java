package org.fluxion.histogram.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Applies the range cuts to one sample and fills its 1-D and 2-D histograms in one pass.
 *
 * <p>The rows are split into chunks of {@link #CHUNK_ROWS} (a constant, independent of the thread
 * count). Each chunk is filled into its own builders, and the chunk histograms are added in chunk
 * order, so the sums of weights are bit-identical whatever the number of threads. Within a chunk
 * the rows are processed in blocks of {@link #BLOCK_ROWS}: each cut column is read for the rows
 * still selected and the selection is compacted in place, then each column needed for filling is
 * read once into a block buffer; no per-row allocation or boxing happens.
 *
 * <p>Instances are immutable and {@link #run} may be called from any thread.
 */
final class SampleFill {
    /** Rows per chunk: the unit of work and of summation order. Never depends on the thread count. */
    static final int CHUNK_ROWS = 1 << 16;
    /** Rows per block within a chunk: sized so that the block buffers stay in the CPU cache. */
    static final int BLOCK_ROWS = 4096;

    /** A 1-D fill: indices into the fill columns (weight -1: unit weights) and the groups (-1: none). */
    private record Fill1D(int x, int weight, int group, Binning binning, int levels) {
    }

    /** A 2-D fill, indexed like {@link Fill1D}. */
    private record Fill2D(int x, int y, int weight, int group, Binning xBinning, Binning yBinning, int levels) {
    }

    private final int rowCount;
    private final Column[] cutColumns;
    private final double[] cutLow;
    private final double[] cutHigh;
    private final Column[] fillColumns;
    private final GroupLevels[] groups;
    private final Fill1D[] fills1;
    private final Fill2D[] fills2;

    /**
     * @param table  the sample; every named column must exist
     * @param cuts   applied in order
     * @param h1     1-D histograms
     * @param h2     2-D histograms
     * @param levels the group levels of every {@code group_by} column used, by column name
     */
    SampleFill(EventTable table, List<RangeCut> cuts, List<Histogram1DSettings> h1, List<Histogram2DSettings> h2,
            Map<String, GroupLevels> levels) {
        this.rowCount = table.rowCount();
        this.cutColumns = new Column[cuts.size()];
        this.cutLow = new double[cuts.size()];
        this.cutHigh = new double[cuts.size()];
        for (int c = 0; c < cuts.size(); c++) {
            cutColumns[c] = table.column(cuts.get(c).column());
            cutLow[c] = cuts.get(c).low();
            cutHigh[c] = cuts.get(c).high();
        }
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<GroupLevels> groupList = new ArrayList<>();
        this.fills1 = new Fill1D[h1.size()];
        for (int i = 0; i < fills1.length; i++) {
            Histogram1DSettings s = h1.get(i);
            int g = groupIndex(s.groupBy(), levels, groupIndex, groupList);
            fills1[i] = new Fill1D(index(s.column(), columnIndex), optionalIndex(s.weight(), columnIndex), g,
                    s.binning(), g < 0 ? 1 : groupList.get(g).size());
        }
        this.fills2 = new Fill2D[h2.size()];
        for (int i = 0; i < fills2.length; i++) {
            Histogram2DSettings s = h2.get(i);
            int g = groupIndex(s.groupBy(), levels, groupIndex, groupList);
            fills2[i] = new Fill2D(index(s.x(), columnIndex), index(s.y(), columnIndex),
                    optionalIndex(s.weight(), columnIndex), g, s.xBinning(), s.yBinning(),
                    g < 0 ? 1 : groupList.get(g).size());
        }
        this.fillColumns = new Column[columnIndex.size()];
        for (Map.Entry<String, Integer> e : columnIndex.entrySet()) {
            fillColumns[e.getValue()] = table.column(e.getKey());
        }
        this.groups = groupList.toArray(new GroupLevels[0]);
    }

    private static int index(String column, Map<String, Integer> columnIndex) {
        return columnIndex.computeIfAbsent(column, k -> columnIndex.size());
    }

    private static int optionalIndex(String column, Map<String, Integer> columnIndex) {
        return column.isEmpty() ? -1 : index(column, columnIndex);
    }

    private static int groupIndex(String column, Map<String, GroupLevels> levels, Map<String, Integer> groupIndex,
            List<GroupLevels> groupList) {
        if (column.isEmpty()) {
            return -1;
        }
        Integer g = groupIndex.get(column);
        if (g == null) {
            GroupLevels gl = levels.get(column);
            if (gl == null) {
                throw new IllegalStateException("no group levels prepared for column '" + column + "'");
            }
            g = groupList.size();
            groupList.add(gl);
            groupIndex.put(column, g);
        }
        return g;
    }

    /** @return number of chunks the rows are split into */
    int chunkCount() {
        return (int) ((rowCount + (long) CHUNK_ROWS - 1) / CHUNK_ROWS);
    }

    /**
     * Fills everything on up to {@code parallelism} threads (the calling thread included).
     *
     * @param monitor receives one {@code worked(rows)} per chunk; checked for cancellation per chunk
     * @throws CancelledException   if the monitor was cancelled
     * @throws InterruptedException if the calling thread was interrupted while waiting for workers
     */
    SampleFillResult run(int parallelism, ProgressMonitor monitor) throws InterruptedException {
        int chunks = chunkCount();
        ChunkMerge merge = new ChunkMerge(chunks);
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Math.min(parallelism, chunks));
        if (threads == 1) {
            new Worker().drain(next, merge, monitor);
            return merge.result();
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "fluxion-histogram-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean completed = false;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 1; t < threads; t++) {
                futures.add(pool.submit(() -> new Worker().drain(next, merge, monitor)));
            }
            new Worker().drain(next, merge, monitor);
            for (Future<?> f : futures) {
                f.get();
            }
            completed = true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("histogram filling failed: " + cause, cause);
        } finally {
            if (!completed) {
                merge.abort();
            }
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return merge.result();
    }

    /** Per-thread scratch buffers and the fill loops; not thread-safe. */
    private final class Worker {
        private final int[] rows = new int[BLOCK_ROWS];
        private final double[] cutValues = new double[BLOCK_ROWS];
        private final double[][] values = new double[fillColumns.length][BLOCK_ROWS];
        private final int[][] levelOf = new int[groups.length][BLOCK_ROWS];

        void drain(AtomicInteger next, ChunkMerge merge, ProgressMonitor monitor) {
            int chunks = chunkCount();
            for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                if (merge.aborted()) {
                    return;
                }
                try {
                    monitor.checkCancelled();
                    ChunkPart part = fill(chunk);
                    merge.complete(chunk, part);
                    monitor.worked(part.rows);
                } catch (RuntimeException | Error e) {
                    merge.abort();
                    throw e;
                }
            }
        }

        ChunkPart fill(int chunk) {
            int start = chunk * CHUNK_ROWS;
            int end = (int) Math.min(rowCount, (long) start + CHUNK_ROWS);
            long[] passed = new long[cutColumns.length];
            Histogram.Builder[][] b1 = new Histogram.Builder[fills1.length][];
            for (int i = 0; i < b1.length; i++) {
                b1[i] = new Histogram.Builder[fills1[i].levels()];
                for (int l = 0; l < b1[i].length; l++) {
                    b1[i][l] = Histogram.builder(fills1[i].binning());
                }
            }
            Histogram2D.Builder[][] b2 = new Histogram2D.Builder[fills2.length][];
            for (int i = 0; i < b2.length; i++) {
                b2[i] = new Histogram2D.Builder[fills2[i].levels()];
                for (int l = 0; l < b2[i].length; l++) {
                    b2[i][l] = Histogram2D.builder(fills2[i].xBinning(), fills2[i].yBinning());
                }
            }
            for (int s = start; s < end; s += BLOCK_ROWS) {
                int n = Math.min(BLOCK_ROWS, end - s);
                for (int k = 0; k < n; k++) {
                    rows[k] = s + k;
                }
                for (int c = 0; c < cutColumns.length && n > 0; c++) {
                    gather(cutColumns[c], rows, n, cutValues);
                    n = keep(rows, cutValues, n, cutLow[c], cutHigh[c]);
                    passed[c] += n;
                }
                if (n == 0) {
                    continue;
                }
                for (int f = 0; f < fillColumns.length; f++) {
                    gather(fillColumns[f], rows, n, values[f]);
                }
                for (int g = 0; g < groups.length; g++) {
                    groups[g].gather(rows, n, levelOf[g]);
                }
                for (int i = 0; i < fills1.length; i++) {
                    fill1D(fills1[i], b1[i], n);
                }
                for (int i = 0; i < fills2.length; i++) {
                    fill2D(fills2[i], b2[i], n);
                }
            }
            Histogram[][] h1 = new Histogram[b1.length][];
            for (int i = 0; i < h1.length; i++) {
                h1[i] = new Histogram[b1[i].length];
                for (int l = 0; l < h1[i].length; l++) {
                    h1[i][l] = b1[i][l].build();
                }
            }
            Histogram2D[][] h2 = new Histogram2D[b2.length][];
            for (int i = 0; i < h2.length; i++) {
                h2[i] = new Histogram2D[b2[i].length];
                for (int l = 0; l < h2[i].length; l++) {
                    h2[i][l] = b2[i][l].build();
                }
            }
            return new ChunkPart(end - start, passed, h1, h2);
        }

        private void fill1D(Fill1D f, Histogram.Builder[] builders, int n) {
            double[] x = values[f.x()];
            if (f.group() < 0) {
                builders[0].fill(x, f.weight() < 0 ? null : values[f.weight()], n);
            } else {
                int[] level = levelOf[f.group()];
                if (f.weight() < 0) {
                    for (int k = 0; k < n; k++) {
                        builders[level[k]].fill(x[k]);
                    }
                } else {
                    double[] w = values[f.weight()];
                    for (int k = 0; k < n; k++) {
                        builders[level[k]].fill(x[k], w[k]);
                    }
                }
            }
        }

        private void fill2D(Fill2D f, Histogram2D.Builder[] builders, int n) {
            double[] x = values[f.x()];
            double[] y = values[f.y()];
            if (f.group() < 0) {
                builders[0].fill(x, y, f.weight() < 0 ? null : values[f.weight()], n);
            } else {
                int[] level = levelOf[f.group()];
                if (f.weight() < 0) {
                    for (int k = 0; k < n; k++) {
                        builders[level[k]].fill(x[k], y[k]);
                    }
                } else {
                    double[] w = values[f.weight()];
                    for (int k = 0; k < n; k++) {
                        builders[level[k]].fill(x[k], y[k], w[k]);
                    }
                }
            }
        }
    }

    /** Reads the numeric values of {@code rows[0..n)} into {@code out}, with one typed loop per column type. */
    static void gather(Column column, int[] rows, int n, double[] out) {
        switch (column) {
            case Column.Doubles d -> {
                for (int k = 0; k < n; k++) {
                    out[k] = d.get(rows[k]);
                }
            }
            case Column.Floats f -> {
                for (int k = 0; k < n; k++) {
                    out[k] = f.get(rows[k]);
                }
            }
            case Column.Ints ints -> {
                for (int k = 0; k < n; k++) {
                    out[k] = ints.get(rows[k]);
                }
            }
            case Column.Longs longs -> {
                for (int k = 0; k < n; k++) {
                    out[k] = longs.get(rows[k]);
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    out[k] = column.getDouble(rows[k]);
                }
            }
        }
    }

    /**
     * Compacts {@code rows[0..n)} in place to the rows whose value passes {@code low <= v < high}
     * (no upper bound when {@code high} is +∞); branch-free so that unpredictable cuts stay cheap.
     *
     * @return number of rows kept
     */
    static int keep(int[] rows, double[] v, int n, double low, double high) {
        int m = 0;
        if (high == Double.POSITIVE_INFINITY) {
            for (int k = 0; k < n; k++) {
                rows[m] = rows[k];
                m += v[k] >= low ? 1 : 0;
            }
        } else {
            for (int k = 0; k < n; k++) {
                double x = v[k];
                rows[m] = rows[k];
                m += (x >= low) & (x < high) ? 1 : 0;
            }
        }
        return m;
    }

    /** What one chunk contributed. */
    private record ChunkPart(long rows, long[] passed, Histogram[][] h1, Histogram2D[][] h2) {
    }

    /**
     * Adds chunk results in chunk order as they arrive (a chunk waits until all earlier chunks are
     * merged), so memory stays bounded and the summation order is fixed. Thread-safe.
     */
    private final class ChunkMerge {
        private final ChunkPart[] pending;
        private int cursor;
        private long rows;
        private final long[] passed = new long[cutColumns.length];
        private final Histogram.Builder[][] b1 = new Histogram.Builder[fills1.length][];
        private final Histogram2D.Builder[][] b2 = new Histogram2D.Builder[fills2.length][];
        private volatile boolean aborted;

        ChunkMerge(int chunks) {
            pending = new ChunkPart[chunks];
            for (int i = 0; i < b1.length; i++) {
                b1[i] = new Histogram.Builder[fills1[i].levels()];
                for (int l = 0; l < b1[i].length; l++) {
                    b1[i][l] = Histogram.builder(fills1[i].binning());
                }
            }
            for (int i = 0; i < b2.length; i++) {
                b2[i] = new Histogram2D.Builder[fills2[i].levels()];
                for (int l = 0; l < b2[i].length; l++) {
                    b2[i][l] = Histogram2D.builder(fills2[i].xBinning(), fills2[i].yBinning());
                }
            }
        }

        synchronized void complete(int chunk, ChunkPart part) {
            pending[chunk] = part;
            while (cursor < pending.length && pending[cursor] != null) {
                ChunkPart p = pending[cursor];
                pending[cursor] = null;
                cursor++;
                rows += p.rows();
                for (int c = 0; c < passed.length; c++) {
                    passed[c] += p.passed()[c];
                }
                for (int i = 0; i < b1.length; i++) {
                    for (int l = 0; l < b1[i].length; l++) {
                        b1[i][l].add(p.h1()[i][l]);
                    }
                }
                for (int i = 0; i < b2.length; i++) {
                    for (int l = 0; l < b2[i].length; l++) {
                        b2[i][l].add(p.h2()[i][l]);
                    }
                }
            }
        }

        void abort() {
            aborted = true;
        }

        boolean aborted() {
            return aborted;
        }

        synchronized SampleFillResult result() {
            if (cursor != pending.length) {
                throw new IllegalStateException("only " + cursor + " of " + pending.length + " chunks were merged");
            }
            Histogram[][] h1 = new Histogram[b1.length][];
            for (int i = 0; i < h1.length; i++) {
                h1[i] = new Histogram[b1[i].length];
                for (int l = 0; l < h1[i].length; l++) {
                    h1[i][l] = b1[i][l].build();
                }
            }
            Histogram2D[][] h2 = new Histogram2D[b2.length][];
            for (int i = 0; i < h2.length; i++) {
                h2[i] = new Histogram2D[b2[i].length];
                for (int l = 0; l < h2[i].length; l++) {
                    h2[i][l] = b2[i][l].build();
                }
            }
            return new SampleFillResult(rows, passed, h1, h2);
        }
    }
}
