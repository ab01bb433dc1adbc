package org.fluxion.api.hist;

import java.util.Arrays;
import java.util.Objects;

/**
 * A weighted 1-D histogram: per bin the sum of weights and the sum of squared weights, with
 * underflow, overflow and a NaN count kept. Immutable; merged by {@link #plus}, filled through
 * a {@link Builder}.
 */
public final class Histogram {
    private final Binning binning;
    /** index 0 = underflow, 1..n = bins, n+1 = overflow */
    private final double[] sumW;
    private final double[] sumW2;
    private final long entries;
    private final long nanEntries;

    private Histogram(Binning binning, double[] sumW, double[] sumW2, long entries, long nanEntries) {
        this.binning = binning;
        this.sumW = sumW;
        this.sumW2 = sumW2;
        this.entries = entries;
        this.nanEntries = nanEntries;
    }

    /** @return an empty builder for this binning */
    public static Builder builder(Binning binning) {
        return new Builder(binning);
    }

    /**
     * Histogram from given in-range contents (no under/overflow).
     *
     * @param values per-bin sums of weights (copied)
     * @param sumW2  per-bin sums of squared weights (copied)
     */
    public static Histogram of(Binning binning, double[] values, double[] sumW2) {
        int n = binning.bins();
        if (values.length != n || sumW2.length != n) {
            throw new IllegalArgumentException("binning has " + n + " bins but got " + values.length
                    + " values and " + sumW2.length + " squared weights");
        }
        double[] w = new double[n + 2];
        double[] w2 = new double[n + 2];
        System.arraycopy(values, 0, w, 1, n);
        System.arraycopy(sumW2, 0, w2, 1, n);
        return new Histogram(binning, w, w2, 0, 0);
    }

    /** @return the binning */
    public Binning binning() {
        return binning;
    }

    /** @return number of in-range bins */
    public int bins() {
        return binning.bins();
    }

    /** @return sum of weights in bin i (0 <= i < bins()) */
    public double sumW(int i) {
        Objects.checkIndex(i, binning.bins());
        return sumW[i + 1];
    }

    /** @return sum of squared weights in bin i */
    public double sumW2(int i) {
        Objects.checkIndex(i, binning.bins());
        return sumW2[i + 1];
    }

    /** @return statistical uncertainty of bin i: sqrt(sumW2) */
    public double error(int i) {
        return Math.sqrt(sumW2(i));
    }

    /** @return in-range sums of weights (a copy) */
    public double[] values() {
        return Arrays.copyOfRange(sumW, 1, sumW.length - 1);
    }

    /** @return in-range uncertainties sqrt(sumW2) (a new array) */
    public double[] errors() {
        double[] e = new double[binning.bins()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.sqrt(sumW2[i + 1]);
        }
        return e;
    }

    /** @return sum of weights below the first edge */
    public double underflow() {
        return sumW[0];
    }

    /** @return sum of weights above the last edge */
    public double overflow() {
        return sumW[sumW.length - 1];
    }

    /** @return number of fill calls (including under/overflow, excluding NaN) */
    public long entries() {
        return entries;
    }

    /** @return number of NaN values offered (not filled) */
    public long nanEntries() {
        return nanEntries;
    }

    /** @return sum of in-range weights */
    public double integral() {
        double s = 0;
        for (int i = 1; i < sumW.length - 1; i++) {
            s += sumW[i];
        }
        return s;
    }

    /**
     * @return the bin-wise sum (merging partial histograms)
     * @throws IllegalArgumentException if the binnings differ
     */
    public Histogram plus(Histogram other) {
        requireSameBinning(other);
        double[] w = sumW.clone(), w2 = sumW2.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += other.sumW[i];
            w2[i] += other.sumW2[i];
        }
        return new Histogram(binning, w, w2, entries + other.entries, nanEntries + other.nanEntries);
    }

    /** @return this histogram with weights multiplied by {@code factor} (squared weights by factor²) */
    public Histogram scaled(double factor) {
        double[] w = sumW.clone(), w2 = sumW2.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
            w2[i] *= factor * factor;
        }
        return new Histogram(binning, w, w2, entries, nanEntries);
    }

    private void requireSameBinning(Histogram other) {
        if (!binning.equals(other.binning)) {
            throw new IllegalArgumentException("cannot add histograms with different binnings: " + binning + " vs "
                    + other.binning);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.binning.equals(binning) && Arrays.equals(h.sumW, sumW)
                && Arrays.equals(h.sumW2, sumW2) && h.entries == entries && h.nanEntries == nanEntries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(binning, Arrays.hashCode(sumW), Arrays.hashCode(sumW2), entries);
    }

    @Override
    public String toString() {
        return "Histogram[" + binning + ", entries=" + entries + ", integral=" + integral() + "]";
    }

    /**
     * Mutable filler. Not thread-safe: use one per thread and merge with {@link #add}.
     *
     * <p>Every way of filling gives bit-identical contents for the same values in the same order:
     * {@link #fill(double[], double[], int)} and {@link #fill(double[], int)} are
     * {@link #fill(double, double)} in a loop, and {@link #fillBin(int, double)} with
     * {@code binning.findBin(x)} is {@code fill(x, w)} for every x that is not NaN. Weights are
     * added as given (sumW += w, sumW2 += w·w), unit weights as 1.0.
     */
    public static final class Builder {
        private final Binning binning;
        private final double[] sumW;
        private final double[] sumW2;
        /** lanes of the pending unit counts (a power of two) */
        private static final int LANES = 4;
        /** unit-weight fills not yet in sumW/sumW2, in lanes against store chains on hot bins */
        private final PendingUnits units;
        private long entries;
        private long nanEntries;

        private Builder(Binning binning) {
            this.binning = Objects.requireNonNull(binning, "binning");
            this.sumW = new double[binning.bins() + 2];
            this.sumW2 = new double[binning.bins() + 2];
            this.units = new PendingUnits(sumW.length, LANES);
        }

        /** Fills {@code x} with weight 1; NaN values are counted, not filled. */
        public Builder fill(double x) {
            int b = binning.findBin(x);
            if (b == Binning.NAN) {
                nanEntries++;
                return this;
            }
            units.reserve(1, sumW, sumW2);
            units.counts()[b + 1]++;
            units.added(1);
            entries++;
            return this;
        }

        /** Fills {@code x} with weight {@code w}; NaN values are counted, not filled. */
        public Builder fill(double x, double w) {
            int b = binning.findBin(x);
            if (b == Binning.NAN) {
                nanEntries++;
                return this;
            }
            int k = b + 1;
            units.flushCell(k, sumW, sumW2);
            sumW[k] += w;
            sumW2[k] += w * w;
            entries++;
            return this;
        }

        /**
         * Fills a bin directly, e.g. with a bin found once by {@link Binning#findBin} and reused;
         * counts as one entry.
         *
         * @param bin a bin in [-1, bins()]: -1 ({@link Binning#UNDERFLOW}) for the underflow,
         *            {@code bins()} for the overflow
         * @param w   weight
         * @throws IndexOutOfBoundsException if {@code bin} is outside [-1, bins()] (e.g.
         *                                   {@link Binning#NAN}); nothing is filled then
         */
        public Builder fillBin(int bin, double w) {
            int k = Objects.checkIndex(bin + 1, sumW.length);
            units.flushCell(k, sumW, sumW2);
            sumW[k] += w;
            sumW2[k] += w * w;
            entries++;
            return this;
        }

        /**
         * Fills {@code x[0..n)} with weight 1, as {@link #fill(double)} in a loop, without the
         * per-call overhead. NaN values are counted, not filled.
         *
         * @param x values (not modified, not kept)
         * @param n number of values to fill, 0 <= n <= x.length
         * @throws IndexOutOfBoundsException if {@code n} is negative or exceeds {@code x.length};
         *                                   nothing is filled then
         */
        public Builder fill(double[] x, int n) {
            return fill(x, null, n);
        }

        /**
         * Fills {@code x[k]} with weight {@code w[k]} for k in [0, n), as
         * {@link #fill(double, double)} in a loop, without the per-call overhead. NaN values are
         * counted, not filled.
         *
         * @param x values (not modified, not kept)
         * @param w weights (not modified, not kept), or null for weight 1
         * @param n number of values to fill, 0 <= n <= x.length (and w.length)
         * @throws IndexOutOfBoundsException if {@code n} is negative or exceeds an array length;
         *                                   nothing is filled then
         */
        public Builder fill(double[] x, double[] w, int n) {
            Objects.checkFromIndexSize(0, n, x.length);
            if (w != null) {
                Objects.checkFromIndexSize(0, n, w.length);
            }
            Binning b = binning;
            long nan = 0;
            if (w == null) {
                units.reserve(n, sumW, sumW2);
                int[] c = units.counts();
                int cells = units.cells();
                for (int k = 0; k < n; k++) {
                    int bin = b.findBin(x[k]);
                    if (bin == Binning.NAN) {
                        nan++;
                    } else {
                        c[(k & (LANES - 1)) * cells + bin + 1]++;
                    }
                }
                units.added(n - nan);
            } else {
                units.flush(sumW, sumW2);
                double[] s = sumW, s2 = sumW2;
                for (int k = 0; k < n; k++) {
                    int bin = b.findBin(x[k]);
                    if (bin == Binning.NAN) {
                        nan++;
                    } else {
                        double wk = w[k];
                        s[bin + 1] += wk;
                        s2[bin + 1] += wk * wk;
                    }
                }
            }
            entries += n - nan;
            nanEntries += nan;
            return this;
        }

        /** Adds the contents of a histogram with the same binning. */
        public Builder add(Histogram h) {
            if (!binning.equals(h.binning)) {
                throw new IllegalArgumentException("cannot add histograms with different binnings: " + binning
                        + " vs " + h.binning);
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
        public Histogram build() {
            units.flush(sumW, sumW2);
            return new Histogram(binning, sumW.clone(), sumW2.clone(), entries, nanEntries);
        }
    }
}
