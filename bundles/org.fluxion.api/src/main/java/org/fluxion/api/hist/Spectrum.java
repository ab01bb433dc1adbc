package org.fluxion.api.hist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Binned estimates with their full covariance, e.g. an unfolded spectrum or a flux.
 * The covariance is symmetric (checked to a relative 1e-9) with non-negative diagonal. Immutable.
 */
public final class Spectrum {
    private final Binning binning;
    private final double[] values;
    private final double[][] covariance;
    private final String unit;

    private Spectrum(Binning binning, double[] values, double[][] covariance, String unit) {
        this.binning = binning;
        this.values = values;
        this.covariance = covariance;
        this.unit = unit;
    }

    /**
     * @param values     per-bin estimates (copied)
     * @param covariance n×n symmetric covariance (copied)
     * @param unit       unit of the values, "" if dimensionless
     */
    public static Spectrum of(Binning binning, double[] values, double[][] covariance, String unit) {
        int n = binning.bins();
        if (values.length != n) {
            throw new IllegalArgumentException("binning has " + n + " bins but got " + values.length + " values");
        }
        if (covariance.length != n) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows, expected " + n);
        }
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length
                        + " columns, expected " + n);
            }
            c[i] = covariance[i].clone();
        }
        for (int i = 0; i < n; i++) {
            if (!(c[i][i] >= 0)) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] must be >= 0 but was " + c[i][i]);
            }
            for (int j = 0; j < i; j++) {
                double tol = 1e-9 * Math.sqrt(c[i][i] * c[j][j]) + Double.MIN_NORMAL;
                if (Math.abs(c[i][j] - c[j][i]) > tol) {
                    throw new IllegalArgumentException("covariance is not symmetric: [" + i + "][" + j + "]=" + c[i][j]
                            + " but [" + j + "][" + i + "]=" + c[j][i]);
                }
            }
        }
        return new Spectrum(binning, values.clone(), c, Objects.requireNonNull(unit, "unit"));
    }

    /** @return binning */
    public Binning binning() {
        return binning;
    }

    /** @return unit of the values */
    public String unit() {
        return unit;
    }

    /** @return estimate in bin i */
    public double value(int i) {
        return values[i];
    }

    /** @return estimates (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** @return sqrt of the covariance diagonal element i */
    public double uncertainty(int i) {
        return Math.sqrt(covariance[i][i]);
    }

    /** @return covariance (a copy) */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** @return correlation matrix; 0 off-diagonal where a variance is 0 */
    public double[][] correlation() {
        int n = values.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.sqrt(covariance[i][i] * covariance[j][j]);
                r[i][j] = i == j ? 1.0 : (d > 0 ? covariance[i][j] / d : 0.0);
            }
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && s.binning.equals(binning) && Arrays.equals(s.values, values)
                && Arrays.deepEquals(s.covariance, covariance) && s.unit.equals(unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(binning, Arrays.hashCode(values), unit);
    }
}
