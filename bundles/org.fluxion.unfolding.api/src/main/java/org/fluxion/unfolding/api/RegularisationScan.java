package org.fluxion.unfolding.api;

import java.util.Objects;

/**
 * A scan of the regularisation parameter with the three choice criteria. Arrays have one entry
 * per scanned value; criteria that cannot be evaluated are NaN. Immutable.
 */
public final class RegularisationScan {
    private final String parameter;
    private final double[] values;
    private final double[] meanGlobalCorrelation;
    private final double[] residualNorm;
    private final double[] regularisationNorm;
    private final double[] chi2ToTruth;
    private final int byGlobalCorrelation;
    private final int byLCurve;
    private final int byTruth;

    /**
     * @param parameter             name of the parameter ("tau", "iterations")
     * @param values                scanned values in increasing order
     * @param meanGlobalCorrelation mean over true bins of ρ_j = sqrt(1 − 1/(V_jj (V⁻¹)_jj))
     * @param residualNorm          L-curve abscissa (e.g. log10 of the data misfit)
     * @param regularisationNorm    L-curve ordinate (e.g. log10 of the regularisation term)
     * @param chi2ToTruth           χ² of the estimate to the truth (NaN without truth)
     * @param byGlobalCorrelation   index chosen by minimum mean global correlation
     * @param byLCurve              index chosen by maximum L-curve curvature
     * @param byTruth               index chosen by minimum χ² to the truth, -1 without truth
     */
    public RegularisationScan(String parameter, double[] values, double[] meanGlobalCorrelation, double[] residualNorm,
            double[] regularisationNorm, double[] chi2ToTruth, int byGlobalCorrelation, int byLCurve, int byTruth) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        int n = values.length;
        for (double[] a : new double[][] { meanGlobalCorrelation, residualNorm, regularisationNorm, chi2ToTruth }) {
            if (a.length != n) {
                throw new IllegalArgumentException("scan arrays must all have " + n + " entries but one has " + a.length);
            }
        }
        for (int k = 1; k < n; k++) {
            if (!(values[k] > values[k - 1])) {
                throw new IllegalArgumentException("scan values must increase: " + values[k - 1] + " then " + values[k]);
            }
        }
        checkIndex("byGlobalCorrelation", byGlobalCorrelation, n, false);
        checkIndex("byLCurve", byLCurve, n, false);
        checkIndex("byTruth", byTruth, n, true);
        this.values = values.clone();
        this.meanGlobalCorrelation = meanGlobalCorrelation.clone();
        this.residualNorm = residualNorm.clone();
        this.regularisationNorm = regularisationNorm.clone();
        this.chi2ToTruth = chi2ToTruth.clone();
        this.byGlobalCorrelation = byGlobalCorrelation;
        this.byLCurve = byLCurve;
        this.byTruth = byTruth;
    }

    private static void checkIndex(String what, int k, int n, boolean allowNone) {
        if (!(k >= 0 && k < n) && !(allowNone && k == -1)) {
            throw new IllegalArgumentException(what + " index " + k + " outside [0, " + n + ")");
        }
    }

    /** @return the parameter name */
    public String parameter() {
        return parameter;
    }

    /** @return scanned values (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** @return mean global correlation per value (a copy) */
    public double[] meanGlobalCorrelation() {
        return meanGlobalCorrelation.clone();
    }

    /** @return L-curve abscissa per value (a copy) */
    public double[] residualNorm() {
        return residualNorm.clone();
    }

    /** @return L-curve ordinate per value (a copy) */
    public double[] regularisationNorm() {
        return regularisationNorm.clone();
    }

    /** @return χ² to the truth per value (a copy; NaN without truth) */
    public double[] chi2ToTruth() {
        return chi2ToTruth.clone();
    }

    /** @return index of the minimum mean global correlation */
    public int byGlobalCorrelation() {
        return byGlobalCorrelation;
    }

    /** @return index of the maximum L-curve curvature */
    public int byLCurve() {
        return byLCurve;
    }

    /** @return index of the minimum χ² to the truth, or -1 */
    public int byTruth() {
        return byTruth;
    }
}
