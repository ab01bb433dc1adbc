package org.fluxion.fits;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a χ² fit with a full data covariance: named parameters with units, their
 * covariance (the inverse Fisher matrix JᵀV⁻¹J at the minimum), χ² and the degrees of freedom.
 * Fixed parameters are not listed. Immutable (arrays are copied in and out), thread-safe.
 */
public final class FitResult {
    private final String model;
    private final List<String> names;
    private final List<String> units;
    private final double[] values;
    private final double[][] covariance;
    private final double chi2;
    private final int ndf;
    private final boolean converged;

    /**
     * @param model      what was fitted, e.g. {@code range: theory total} or {@code energy: power_law}
     * @param names      parameter names (non-null, unique)
     * @param units      their units ("" if dimensionless), same size
     * @param values     best-fit values, same size (copied)
     * @param covariance their covariance, symmetric, same size (copied)
     * @param chi2       χ² at the minimum, &gt;= 0
     * @param ndf        points − free parameters, &gt;= 0
     * @param converged  whether the minimiser met its convergence criterion
     * @throws IllegalArgumentException naming the size or element that is wrong
     */
    public FitResult(String model, List<String> names, List<String> units, double[] values, double[][] covariance,
            double chi2, int ndf, boolean converged) {
        this.model = Objects.requireNonNull(model, "model");
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        int m = this.names.size();
        if (this.units.size() != m || values.length != m || covariance.length != m) {
            throw new IllegalArgumentException("fit '" + model + "': " + m + " names but " + this.units.size()
                    + " units, " + values.length + " values and " + covariance.length + " covariance rows");
        }
        this.values = values.clone();
        this.covariance = new double[m][];
        for (int i = 0; i < m; i++) {
            if (covariance[i].length != m) {
                throw new IllegalArgumentException("fit '" + model + "': covariance row " + i + " has "
                        + covariance[i].length + " columns, expected " + m);
            }
            this.covariance[i] = covariance[i].clone();
        }
        if (!(chi2 >= 0) || ndf < 0) {
            throw new IllegalArgumentException("fit '" + model + "': chi2 must be >= 0 and ndf >= 0 but were " + chi2
                    + " and " + ndf);
        }
        this.chi2 = chi2;
        this.ndf = ndf;
        this.converged = converged;
    }

    /** @return what was fitted */
    public String model() {
        return model;
    }

    /** @return parameter names */
    public List<String> names() {
        return names;
    }

    /** @return parameter units */
    public List<String> units() {
        return units;
    }

    /** @return best-fit values (a copy) */
    public double[] values() {
        return values.clone();
    }

    /**
     * @return the value of parameter {@code name}
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double value(String name) {
        return values[index(name)];
    }

    /** @return the standard error of parameter {@code name} */
    public double error(String name) {
        int i = index(name);
        return Math.sqrt(covariance[i][i]);
    }

    /** @return the correlation coefficient of two parameters */
    public double correlation(String first, String second) {
        int i = index(first), j = index(second);
        return covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
    }

    /** @return the covariance matrix (a copy) */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** @return χ² at the minimum */
    public double chi2() {
        return chi2;
    }

    /** @return degrees of freedom */
    public int ndf() {
        return ndf;
    }

    /** @return whether the minimiser converged */
    public boolean converged() {
        return converged;
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("fit '" + model + "' has no parameter '" + name + "'; parameters: "
                    + names);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitResult f && f.model.equals(model) && f.names.equals(names) && f.units.equals(units)
                && Arrays.equals(f.values, values) && Arrays.deepEquals(f.covariance, covariance)
                && Double.compare(f.chi2, chi2) == 0 && f.ndf == ndf && f.converged == converged;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, names, Arrays.hashCode(values), chi2, ndf);
    }

    @Override
    public String toString() {
        return "FitResult[" + model + ", " + names + "=" + Arrays.toString(values) + ", chi2/ndf=" + chi2 + "/" + ndf
                + "]";
    }
}
