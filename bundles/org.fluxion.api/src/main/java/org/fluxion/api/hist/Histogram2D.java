package org.fluxion.api.hist;

import java.util.Arrays;
import java.util.Objects;

/**
 * A weighted 2-D histogram with under/overflow along both axes (sum of weights and of squared
 * weights per cell). Immutable; merged by {@link #plus}, filled through a {@link Builder}.
 */
public final class Histogram2D {
    private final Binning x;
    private final Binning y;
    /** (nx+2)*(ny+2) cells, index (ix+1)*(ny+2) + (iy+1); ix=-1 / nx are under/overflow */
    private final double[] sumW;
    private final double[] sumW2;
    private final long entries;
    private final long nanEntries;

    private Histogram2D(Binning x, Binning y, double[] sumW, double[] sumW2, long entries, long nanEntries) {
        this.x = x;
        this.y = y;
        this.sumW = sumW;
        this.sumW2 = sumW2;
        this.entries = entries;
        this.nanEntries = nanEntries;
    }

    /** @return an empty builder */
    public static Builder builder(Binning x, Binning y) {
        return new Builder(x, y);
    }

    /** @return binning along x */
    public Binning xBinning() {
        return x;
    }

    /** @return binning along y */
    public Binning yBinning() {
        return y;
    }

    private int cell(int ix, int iy) {
        return (ix + 1) * (y.bins() + 2) + (iy + 1);
    }

    /**
     * @param ix x bin in [-1, nx] (-1 underflow, nx overflow)
     * @param iy y bin in [-1, ny]
     * @return sum of weights of that cell
     */
    public double sumW(int ix, int iy) {
        Objects.checkIndex(ix + 1, x.bins() + 2);
        Objects.checkIndex(iy + 1, y.bins() + 2);
        return sumW[cell(ix, iy)];
    }

    /** @return sum of squared weights of a cell (indices as in {@link #sumW}) */
    public double sumW2(int ix, int iy) {
        Objects.checkIndex(ix + 1, x.bins() + 2);
        Objects.checkIndex(iy + 1, y.bins() + 2);
        return sumW2[cell(ix, iy)];
    }

    /** @return in-range contents as [ix][iy] (a new array) */
    public double[][] values() {
        double[][] v = new double[x.bins()][y.bins()];
        for (int i = 0; i < x.bins(); i++) {
            for (int j = 0; j < y.bins(); j++) {
                v[i][j] = sumW[cell(i, j)];
            }
        }
        return v;
    }

    /** @return number of fills (excluding NaN) */
    public long entries() {
        return entries;
    }

    /** @return number of fills with a NaN coordinate (not filled) */
    public long nanEntries() {
        return nanEntries;
    }

    /** @return sum of in-range weights */
    public double integral() {
        double s = 0;
        for (int i = 0; i < x.bins(); i++) {
            for (int j = 0; j < y.bins(); j++) {
                s += sumW[cell(i, j)];
            }
        }
        return s;
    }

    /** @return projection onto x (y under/overflow included in each x bin's sum, as ROOT does) */
    public Histogram projectX() {
        double[] w = new double[x.bins()], w2 = new double[x.bins()];
        for (int i = 0; i < x.bins(); i++) {
            for (int j = -1; j <= y.bins(); j++) {
                w[i] += sumW[cell(i, j)];
                w2[i] += sumW2[cell(i, j)];
            }
        }
        return Histogram.of(x, w, w2);
    }

    /** @return the cell-wise sum; binnings must match */
    public Histogram2D plus(Histogram2D other) {
        if (!x.equals(other.x) || !y.equals(other.y)) {
            throw new IllegalArgumentException("cannot add 2-D histograms with different binnings");
        }
        double[] w = sumW.clone(), w2 = sumW2.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += other.sumW[i];
            w2[i] += other.sumW2[i];
        }
        return new Histogram2D(x, y, w, w2, entries + other.entries, nanEntries + other.nanEntries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram2D h && h.x.equals(x) && h.y.equals(y) && Arrays.equals(h.sumW, sumW)
                && Arrays.equals(h.sumW2, sumW2) && h.entries == entries && h.nanEntries == nanEntries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y, Arrays.hashCode(sumW), entries);
    }

    @Override
    public String toString() {
        return "Histogram2D[x=" + x + ", y=" + y + ", entries=" + entries + "]";
    }

    /**
     * Mutable filler. Not thread-safe: use one per thread and merge with {@link #add}.
     *
     * <p>Every way of filling gives bit-identical contents for the same points in the same order:
     * the array {@code fill} methods are {@link #fill(double, double, double)} in a loop, and
     * {@link #fillBin(int, int, double)} with the bins from {@link Binning#findBin} is
     * {@code fill(x, y, w)} for every point without a NaN coordinate. Weights are added as given
     * (sumW += w, sumW2 += w·w), unit weights as 1.0.
     */
    public static final class Builder {
        private final Binning x;
        private final Binning y;
        private final int stride;
        private final double[] sumW;
        private final double[] sumW2;
        /** unit-weight fills not yet in sumW/sumW2 */
        private final PendingUnits units;
        private long entries;
        private long nanEntries;

        private Builder(Binning x, Binning y) {
            this.x = Objects.requireNonNull(x, "x");
            this.y = Objects.requireNonNull(y, "y");
            this.stride = y.bins() + 2;
            this.sumW = new double[(x.bins() + 2) * stride];
            this.sumW2 = new double[sumW.length];
            this.units = new PendingUnits(sumW.length, 1);
        }

        /** Fills (xv, yv) with weight 1; a NaN coordinate is counted, not filled. */
        public Builder fill(double xv, double yv) {
            int ix = x.findBin(xv), iy = y.findBin(yv);
            if (ix == Binning.NAN || iy == Binning.NAN) {
                nanEntries++;
                return this;
            }
            units.reserve(1, sumW, sumW2);
            units.counts()[(ix + 1) * stride + (iy + 1)]++;
            units.added(1);
            entries++;
            return this;
        }

        /** Fills (xv, yv) with weight w; a NaN coordinate is counted, not filled. */
        public Builder fill(double xv, double yv, double w) {
            int ix = x.findBin(xv), iy = y.findBin(yv);
            if (ix == Binning.NAN || iy == Binning.NAN) {
                nanEntries++;
                return this;
            }
            int c = (ix + 1) * stride + (iy + 1);
            units.flushCell(c, sumW, sumW2);
            sumW[c] += w;
            sumW2[c] += w * w;
            entries++;
            return this;
        }

        /**
         * Fills a cell directly, e.g. with bins found once by {@link Binning#findBin} and reused;
         * counts as one entry.
         *
         * @param ix x bin in [-1, nx] (-1 underflow, nx overflow)
         * @param iy y bin in [-1, ny]
         * @param w  weight
         * @throws IndexOutOfBoundsException if a bin is outside its range (e.g.
         *                                   {@link Binning#NAN}); nothing is filled then
         */
        public Builder fillBin(int ix, int iy, double w) {
            Objects.checkIndex(ix + 1, x.bins() + 2);
            Objects.checkIndex(iy + 1, stride);
            int c = (ix + 1) * stride + (iy + 1);
            units.flushCell(c, sumW, sumW2);
            sumW[c] += w;
            sumW2[c] += w * w;
            entries++;
            return this;
        }

        /**
         * Fills the points (xs[k], ys[k]) for k in [0, n) with weight 1, as
         * {@link #fill(double, double)} in a loop, without the per-call overhead. Points with a
         * NaN coordinate are counted, not filled.
         *
         * @param xs x values (not modified, not kept)
         * @param ys y values (not modified, not kept)
         * @param n  number of points, 0 <= n <= both lengths
         * @throws IndexOutOfBoundsException if {@code n} is negative or exceeds an array length;
         *                                   nothing is filled then
         */
        public Builder fill(double[] xs, double[] ys, int n) {
            return fill(xs, ys, null, n);
        }

        /**
         * Fills the points (xs[k], ys[k]) with weight ws[k] for k in [0, n), as
         * {@link #fill(double, double, double)} in a loop, without the per-call overhead. Points
         * with a NaN coordinate are counted, not filled.
         *
         * @param xs x values (not modified, not kept)
         * @param ys y values (not modified, not kept)
         * @param ws weights (not modified, not kept), or null for weight 1
         * @param n  number of points, 0 <= n <= every array length
         * @throws IndexOutOfBoundsException if {@code n} is negative or exceeds an array length;
         *                                   nothing is filled then
         */
        public Builder fill(double[] xs, double[] ys, double[] ws, int n) {
            Objects.checkFromIndexSize(0, n, xs.length);
            Objects.checkFromIndexSize(0, n, ys.length);
            if (ws != null) {
                Objects.checkFromIndexSize(0, n, ws.length);
            }
            Binning bx = x, by = y;
            int st = stride;
            long nan = 0;
            if (ws == null) {
                units.reserve(n, sumW, sumW2);
                int[] c = units.counts();
                for (int k = 0; k < n; k++) {
                    int ix = bx.findBin(xs[k]), iy = by.findBin(ys[k]);
                    if (ix == Binning.NAN || iy == Binning.NAN) {
                        nan++;
                    } else {
                        c[(ix + 1) * st + (iy + 1)]++;
                    }
                }
                units.added(n - nan);
            } else {
                units.flush(sumW, sumW2);
                double[] s = sumW, s2 = sumW2;
                for (int k = 0; k < n; k++) {
                    int ix = bx.findBin(xs[k]), iy = by.findBin(ys[k]);
                    if (ix == Binning.NAN || iy == Binning.NAN) {
                        nan++;
                    } else {
                        int c = (ix + 1) * st + (iy + 1);
                        double w = ws[k];
                        s[c] += w;
                        s2[c] += w * w;
                    }
                }
            }
            entries += n - nan;
            nanEntries += nan;
            return this;
        }

        /** Adds a histogram with identical binnings. */
        public Builder add(Histogram2D h) {
            if (!x.equals(h.x) || !y.equals(h.y)) {
                throw new IllegalArgumentException("cannot add 2-D histograms with different binnings");
            }
            units.flush(sumW, sumW2);
            for (int i = 0; i < sumW.length; i++) {
                sumW[i] += h.sumW[i];
                sumW2[i] += h.sumW2[i];
            }
            entries += h.entries;
            nanEntries += h.nanEntries;
            return this;
        }

        /** @return an immutable snapshot */
        public Histogram2D build() {
            units.flush(sumW, sumW2);
            return new Histogram2D(x, y, sumW.clone(), sumW2.clone(), entries, nanEntries);
        }
    }
}
