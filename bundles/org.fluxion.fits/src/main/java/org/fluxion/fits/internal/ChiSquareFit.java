package org.fluxion.fits.internal;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.Pair;

/**
 * χ² = (y − μ(p))ᵀ V⁻¹ (y − μ(p)) with a full data covariance V = L Lᵀ, minimised over the free
 * parameters by Levenberg–Marquardt (commons-math3) on the whitened residuals L⁻¹(y − μ), in
 * parameters scaled by their start magnitudes, with a central-difference Jacobian. The parameter
 * covariance is the inverse Fisher matrix (JᵀV⁻¹J)⁻¹ at the minimum. Immutable, thread-safe if the
 * model is.
 */
final class ChiSquareFit {
    /** The expectation μ(p) per data point; must be thread-safe if the fit is used concurrently. */
    @FunctionalInterface
    interface Model {
        double[] expectation(double[] parameters);
    }

    /**
     * @param parameters all parameters (fixed ones at their given values)
     * @param covariance covariance of the free parameters, in the order of the free ones
     * @param chi2       χ² at the minimum
     * @param evaluations model evaluations used
     */
    record Outcome(double[] parameters, double[][] covariance, double chi2, int evaluations) {
        Outcome {
            parameters = parameters.clone();
            covariance = copy(covariance);
        }

        /** @return all parameters (a copy) */
        @Override
        public double[] parameters() {
            return parameters.clone();
        }

        /** @return the covariance of the free parameters (a copy) */
        @Override
        public double[][] covariance() {
            return copy(covariance);
        }

        private static double[][] copy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }
    }

    private final double[] whitenedData;
    private final double[][] cholesky;

    /**
     * @param data       the measured values y
     * @param covariance their covariance V (symmetric positive definite)
     * @throws IllegalArgumentException if V is not positive definite (naming the pivot)
     */
    ChiSquareFit(double[] data, double[][] covariance) {
        int n = data.length;
        if (covariance.length != n) {
            throw new IllegalArgumentException(n + " data points but a " + covariance.length + "-row covariance");
        }
        try {
            RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-9, 1e-300).getL();
            this.cholesky = l.getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("the data covariance is not positive definite: " + e.getMessage(), e);
        } catch (org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("the data covariance is not symmetric: " + e.getMessage(), e);
        }
        this.whitenedData = whiten(data);
    }

    /** @return L⁻¹ d (forward substitution) */
    double[] whiten(double[] d) {
        int n = d.length;
        double[] z = new double[n];
        for (int a = 0; a < n; a++) {
            double s = d[a];
            for (int k = 0; k < a; k++) {
                s -= cholesky[a][k] * z[k];
            }
            z[a] = s / cholesky[a][a];
        }
        return z;
    }

    /** @return the whitened data L⁻¹ y (a copy) */
    double[] whitenedData() {
        return whitenedData.clone();
    }

    /** @return χ² of an expectation μ */
    double chi2(double[] expectation) {
        double[] m = whiten(expectation);
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            double r = whitenedData[i] - m[i];
            s += r * r;
        }
        return s;
    }

    /**
     * Minimises χ² over the free parameters.
     *
     * @param model  μ(p)
     * @param start  start values of all parameters (the fixed ones stay there)
     * @param scale  typical magnitude of each parameter (&gt; 0), for the scaled minimisation and the
     *               Jacobian step
     * @param free   which parameters are free
     * @throws IllegalStateException if the minimiser fails or the free parameters are degenerate (a
     *                               singular Fisher matrix), naming the parameters
     */
    Outcome fit(Model model, double[] start, double[] scale, boolean[] free, String[] names) {
        int m = start.length;
        int[] idx = java.util.stream.IntStream.range(0, m).filter(k -> free[k]).toArray();
        int nf = idx.length;
        double[] q0 = new double[nf];
        for (int u = 0; u < nf; u++) {
            q0[u] = start[idx[u]] / scale[idx[u]];
        }
        int[] evaluations = { 0 };
        MultivariateJacobianFunction f = point -> {
            double[] q = point.toArray();
            double[][] jac = jacobian(model, start, scale, idx, q);
            evaluations[0] += 1 + 2 * nf;
            return new Pair<>(new ArrayRealVector(whiten(model.expectation(expand(start, scale, idx, q))), false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresOptimizer.Optimum o;
        try {
            o = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-12).withParameterRelativeTolerance(1e-12)
                    .optimize(new LeastSquaresBuilder().start(q0).model(f).target(whitenedData).maxEvaluations(20000)
                            .maxIterations(5000).lazyEvaluation(false).build());
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            throw new IllegalStateException("the chi-square minimisation over " + names(names, idx) + " failed: "
                    + e.getMessage(), e);
        }
        double[] q = o.getPoint().toArray();
        double[] p = expand(start, scale, idx, q);
        double[][] jq = jacobian(model, start, scale, idx, q);
        double[][] fisher = new double[nf][nf];
        for (int u = 0; u < nf; u++) {
            for (int v = 0; v < nf; v++) {
                double s = 0;
                for (double[] row : jq) {
                    s += row[u] * row[v];
                }
                fisher[u][v] = s / (scale[idx[u]] * scale[idx[v]]);
            }
        }
        double[][] cov = nf == 0 ? new double[0][0] : invert(fisher, names(names, idx));
        return new Outcome(p, cov, chi2(model.expectation(p)), evaluations[0]);
    }

    private static String names(String[] names, int[] idx) {
        StringBuilder b = new StringBuilder("(");
        for (int u = 0; u < idx.length; u++) {
            b.append(u > 0 ? ", " : "").append(names[idx[u]]);
        }
        return b.append(')').toString();
    }

    private static double[] expand(double[] start, double[] scale, int[] idx, double[] q) {
        double[] p = start.clone();
        for (int u = 0; u < idx.length; u++) {
            p[idx[u]] = q[u] * scale[idx[u]];
        }
        return p;
    }

    /** Whitened Jacobian d(L⁻¹μ)/dq (central differences, step 1e-6 max(1, |q|)). */
    private double[][] jacobian(Model model, double[] start, double[] scale, int[] idx, double[] q) {
        int nf = idx.length;
        double[][] jac = null;
        for (int u = 0; u < nf; u++) {
            double h = 1e-6 * Math.max(1, Math.abs(q[u]));
            double[] qp = q.clone(), qm = q.clone();
            qp[u] += h;
            qm[u] -= h;
            double[] mp = whiten(model.expectation(expand(start, scale, idx, qp)));
            double[] mm = whiten(model.expectation(expand(start, scale, idx, qm)));
            if (jac == null) {
                jac = new double[mp.length][nf];
            }
            for (int i = 0; i < mp.length; i++) {
                jac[i][u] = (mp[i] - mm[i]) / (qp[u] - qm[u]);
            }
        }
        return jac == null ? new double[whitenedData.length][0] : jac;
    }

    /** @return the inverse of a symmetric positive definite matrix (symmetrised) */
    static double[][] invert(double[][] a, String what) {
        RealMatrix inv;
        try {
            inv = new CholeskyDecomposition(new Array2DRowRealMatrix(a), 1e-6, 1e-300).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalStateException("the Fisher matrix of " + what + " is singular: the parameters are "
                    + "degenerate with the given data (fix one of them); " + e.getMessage(), e);
        }
        double[][] c = inv.getData();
        for (int i = 0; i < c.length; i++) {
            for (int k = 0; k < i; k++) {
                double s = 0.5 * (c[i][k] + c[k][i]);
                c[i][k] = s;
                c[k][i] = s;
            }
        }
        return c;
    }
}
