package org.fluxion.unfolding.api;

import java.util.Objects;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;

/**
 * An unfolding problem: response (MC counts with their squared weights), observed counts per proxy
 * bin, and optionally a background, selection efficiencies with their MC statistics, per-bin
 * regularisation factors and the truth (for closure tests). Immutable; arrays are copied in and out.
 */
public final class UnfoldingProblem {
    private final ResponseMatrix response;
    private final double[] observed;
    private final double[] background;
    private final double[] efficiency;
    private final double[] thrown;
    private final double[] regularisationFactors;
    private final double[] truth;

    private UnfoldingProblem(Builder b) {
        this.response = b.response;
        this.observed = b.observed;
        this.background = b.background;
        this.efficiency = b.efficiency;
        this.thrown = b.thrown;
        this.regularisationFactors = b.regularisationFactors;
        this.truth = b.truth;
    }

    /**
     * @param response MC response; every true bin must have a non-empty column
     * @param observed observed counts per proxy bin (copied)
     */
    public static Builder builder(ResponseMatrix response, double[] observed) {
        return new Builder(response, observed);
    }

    /** @return the response */
    public ResponseMatrix response() {
        return response;
    }

    /** @return proxy binning (rows) */
    public Binning proxyBinning() {
        return response.proxyBinning();
    }

    /** @return true binning (columns) */
    public Binning trueBinning() {
        return response.trueBinning();
    }

    /** @return number of proxy bins */
    public int proxyBins() {
        return observed.length;
    }

    /** @return number of true bins */
    public int trueBins() {
        return response.trueBinning().bins();
    }

    /** @return A[i][j], columns summing to 1 (a new array) */
    public double[][] probabilities() {
        return response.probabilities();
    }

    /** @return observed counts g_i (a copy) */
    public double[] observed() {
        return observed.clone();
    }

    /** @return background b_i (zeros if none was given; a copy) */
    public double[] background() {
        return background.clone();
    }

    /** @return whether efficiencies were given */
    public boolean hasEfficiency() {
        return efficiency != null;
    }

    /** @return selection efficiency ε_j in (0, 1] per true bin, or null */
    public double[] efficiency() {
        return efficiency == null ? null : efficiency.clone();
    }

    /** @return generated (thrown) MC events N_j per true bin behind ε_j, or null */
    public double[] thrown() {
        return thrown == null ? null : thrown.clone();
    }

    /** @return regularisation factors s_j (default 1/ε_j when efficiencies are given, else 1; a copy) */
    public double[] regularisationFactors() {
        return regularisationFactors.clone();
    }

    /** @return whether the truth is known (closure tests) */
    public boolean hasTruth() {
        return truth != null;
    }

    /** @return true counts of selected events per true bin, or null */
    public double[] truth() {
        return truth == null ? null : truth.clone();
    }

    /** Collects and validates the parts of a problem; not thread-safe. */
    public static final class Builder {
        private final ResponseMatrix response;
        private final double[] observed;
        private double[] background;
        private double[] efficiency;
        private double[] thrown;
        private double[] regularisationFactors;
        private double[] truth;

        private Builder(ResponseMatrix response, double[] observed) {
            this.response = Objects.requireNonNull(response, "response");
            this.observed = checked("observed", observed, response.proxyBinning().bins(), "proxy");
            double[] cols = response.columnSums();
            for (int j = 0; j < cols.length; j++) {
                if (!(cols[j] > 0)) {
                    throw new IllegalArgumentException("response column of true bin " + j + " ["
                            + response.trueBinning().edge(j) + ", " + response.trueBinning().edge(j + 1)
                            + ") is empty: no MC event, the bin cannot be unfolded; merge or drop it");
                }
            }
        }

        private static double[] checked(String what, double[] v, int n, String axis) {
            Objects.requireNonNull(v, what);
            if (v.length != n) {
                throw new IllegalArgumentException(what + " has " + v.length + " bins but the " + axis + " binning has "
                        + n);
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i]) || v[i] < 0) {
                    throw new IllegalArgumentException(what + "[" + i + "] must be finite and >= 0 but was " + v[i]);
                }
            }
            return v.clone();
        }

        /** Sets a background per proxy bin (counts, >= 0). */
        public Builder background(double[] b) {
            this.background = checked("background", b, observed.length, "proxy");
            return this;
        }

        /**
         * Sets selection efficiencies per true bin.
         *
         * @param eff    ε_j in (0, 1]
         * @param nThrown generated events per true bin behind ε_j (> 0), or null if unknown
         */
        public Builder efficiency(double[] eff, double[] nThrown) {
            int n = response.trueBinning().bins();
            double[] e = checked("efficiency", eff, n, "true");
            for (int j = 0; j < n; j++) {
                if (!(e[j] > 0) || e[j] > 1) {
                    throw new IllegalArgumentException("efficiency[" + j + "] must be in (0, 1] but was " + e[j]
                            + "; a bin without selected MC cannot be unfolded");
                }
            }
            this.efficiency = e;
            this.thrown = nThrown == null ? null : checked("thrown", nThrown, n, "true");
            return this;
        }

        /** Sets per-true-bin regularisation factors s_j (> 0). */
        public Builder regularisationFactors(double[] s) {
            double[] f = checked("regularisation factors", s, response.trueBinning().bins(), "true");
            for (int j = 0; j < f.length; j++) {
                if (!(f[j] > 0)) {
                    throw new IllegalArgumentException("regularisation factor[" + j + "] must be > 0 but was " + f[j]);
                }
            }
            this.regularisationFactors = f;
            return this;
        }

        /** Sets the true counts of selected events per true bin (closure tests). */
        public Builder truth(double[] t) {
            this.truth = checked("truth", t, response.trueBinning().bins(), "true");
            return this;
        }

        /** @return the problem */
        public UnfoldingProblem build() {
            if (background == null) {
                background = new double[observed.length];
            }
            if (regularisationFactors == null) {
                regularisationFactors = new double[response.trueBinning().bins()];
                for (int j = 0; j < regularisationFactors.length; j++) {
                    regularisationFactors[j] = efficiency == null ? 1.0 : 1.0 / efficiency[j];
                }
            }
            return new UnfoldingProblem(this);
        }
    }
}
