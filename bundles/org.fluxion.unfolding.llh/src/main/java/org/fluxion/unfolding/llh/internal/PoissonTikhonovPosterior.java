package org.fluxion.unfolding.llh.internal;

import java.util.List;

import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.llh.SystematicVariation;

/**
 * The log-posterior of the {@code llh} unfolder on x = [f_0..f_{n−1}, θ_1..θ_S, ε]:
 *
 * <pre>
 *   λ_i = ε Σ_j A_ij(θ) f_j + b_i,   A_ij(θ) = c_i(θ) N_ij / Σ_i' c_i'(θ) N_i'j
 *   log p(x) = Σ_i [g_i ln λ_i − λ_i] − ½ Σ_k (C r)_k² / τ_k − ½ Σ_s ((θ_s − θ0_s)/σ_s)² − ½ ((ε − 1)/σ_ε)²
 *   r_j = f_j s_j (linear) or log10((f_j + o) s_j) (log mode)
 * </pre>
 *
 * θ and ε are present only if systematics / a normalisation width were given. The value is −∞
 * outside the support (some f_j < 0 or not finite, ε <= 0, some c_i <= 0, some λ_i < 0, or λ_i = 0
 * with g_i > 0). The constant −Σ ln g_i! is left out. Gradient and Hessian are exact except the
 * Hessian rows of θ, which are central differences of the exact gradient.
 *
 * <p>Immutable and thread-safe; the evaluations are allocation-free given a {@link Workspace}, which
 * is not thread-safe (one per thread).
 */
final class PoissonTikhonovPosterior {
    private static final double LN10 = Math.log(10.0);
    private static final double INV_LN10 = 1.0 / LN10;

    private final int m;
    private final int n;
    private final int ns;
    private final int dim;
    private final boolean hasEpsilon;
    private final double[] g;
    private final double[] b;
    /** nominal A, row-major m × n. */
    private final double[] a0;
    /** nominal A, column-major (A[i][j] at j * m + i), for the vectorisable μ = Σ_j f_j A[·][j]. */
    private final double[] a0ColumnMajor;
    /** nominal counts N, row-major m × n (used with systematics). */
    private final double[] counts;
    private final RowFactors rowFactors;
    private final double[] s;
    private final boolean log;
    private final double offset;
    private final TikhonovOperator tikhonov;
    private final double sigmaEpsilon;
    private final double saturated;

    /**
     * @param problem      the problem (response, observed, background, regularisation factors)
     * @param tau          τ_k per true bin
     * @param log          log mode
     * @param offset       offset o of log mode
     * @param curvatureOnly interior rows of C only
     * @param sigmaEpsilon σ_ε, 0 = no ε parameter
     * @param systematics  systematics (may be empty)
     */
    PoissonTikhonovPosterior(UnfoldingProblem problem, double[] tau, boolean log, double offset, boolean curvatureOnly,
            double sigmaEpsilon, List<SystematicVariation> systematics) {
        this.m = problem.proxyBins();
        this.n = problem.trueBins();
        this.g = problem.observed();
        this.b = problem.background();
        double[][] p = problem.probabilities();
        double[][] c = problem.response().counts();
        this.a0 = new double[m * n];
        this.a0ColumnMajor = new double[m * n];
        this.counts = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a0[i * n + j] = p[i][j];
                a0ColumnMajor[j * m + i] = p[i][j];
                counts[i * n + j] = c[i][j];
            }
        }
        this.rowFactors = systematics.isEmpty() ? null : RowFactors.fit(problem.response(), systematics);
        this.ns = rowFactors == null ? 0 : rowFactors.count();
        this.hasEpsilon = sigmaEpsilon > 0;
        this.sigmaEpsilon = sigmaEpsilon;
        this.dim = n + ns + (hasEpsilon ? 1 : 0);
        this.s = problem.regularisationFactors();
        this.log = log;
        this.offset = offset;
        this.tikhonov = new TikhonovOperator(n, curvatureOnly, tau);
        double sat = 0;
        for (int i = 0; i < m; i++) {
            if (g[i] > 0) {
                sat += g[i] * Math.log(g[i]) - g[i];
            }
        }
        this.saturated = sat;
    }

    /** Scratch arrays of one thread. */
    static final class Workspace {
        final double[] a;
        final double[] mu;
        final double[] lambda;
        final double[] c;
        final double[] colSum;
        final double[] w;
        final double[] r;
        final double[] mr;
        final double[] dlog;
        final double[] dataGrad;
        final double[] q;

        Workspace(int m, int n, int ns) {
            a = new double[m * n];
            mu = new double[m];
            lambda = new double[m];
            c = new double[m];
            colSum = new double[n];
            w = new double[n];
            r = new double[n];
            mr = new double[n];
            dlog = new double[Math.max(1, ns * m)];
            dataGrad = new double[n];
            q = new double[m];
        }
    }

    /** @return a new workspace for one thread */
    Workspace workspace() {
        return new Workspace(m, n, ns);
    }

    /** @return dimension of x */
    int dimension() {
        return dim;
    }

    /** @return number of true bins n */
    int trueBins() {
        return n;
    }

    /** @return number of proxy bins m */
    int proxyBins() {
        return m;
    }

    /** @return number of systematics */
    int systematics() {
        return ns;
    }

    /** @return whether ε is a parameter */
    boolean hasEpsilon() {
        return hasEpsilon;
    }

    /** @return index of ε in x (valid only if {@link #hasEpsilon()}) */
    int epsilonIndex() {
        return n + ns;
    }

    /** @return name of systematic s */
    String systematicName(int sIndex) {
        return rowFactors.name(sIndex);
    }

    /** @return θ0 of systematic s */
    double systematicNominal(int sIndex) {
        return rowFactors.nominal(sIndex);
    }

    /** @return whether x_k is bounded below by 0 (the f components) */
    boolean bounded(int k) {
        return k < n;
    }

    /** @return the nominal x for given f: θ = θ0, ε = 1 (a new array) */
    double[] nominalX(double[] f) {
        double[] x = new double[dim];
        System.arraycopy(f, 0, x, 0, n);
        for (int k = 0; k < ns; k++) {
            x[n + k] = rowFactors.nominal(k);
        }
        if (hasEpsilon) {
            x[n + ns] = 1.0;
        }
        return x;
    }

    /** @return the nominal response probabilities A (row-major m × n; shared, do not modify) */
    double[] nominalProbabilities() {
        return a0;
    }

    /** Computes μ = A(θ) f into w.mu; false if outside the support. Fills w.a only if {@code withMatrix}. */
    private boolean expected(double[] x, Workspace w, boolean withMatrix) {
        for (int j = 0; j < n; j++) {
            double f = x[j];
            if (!(f >= 0 && f < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        double[] mu = w.mu;
        if (rowFactors == null) {
            // column sweeps: independent accumulators per proxy bin, vectorised by the JIT
            double[] a = a0ColumnMajor;
            java.util.Arrays.fill(mu, 0, m, 0.0);
            for (int j = 0; j < n; j++) {
                double fj = x[j];
                int col = j * m;
                for (int i = 0; i < m; i++) {
                    mu[i] += a[col + i] * fj;
                }
            }
            if (withMatrix) {
                System.arraycopy(a0, 0, w.a, 0, m * n);
            }
            return true;
        }
        for (int k = n; k < n + ns; k++) {
            if (!Double.isFinite(x[k])) {
                return false;
            }
        }
        double[] c = w.c;
        if (!rowFactors.evaluate(x, n, c)) {
            return false;
        }
        double[] col = w.colSum;
        java.util.Arrays.fill(col, 0.0);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double ci = c[i];
            for (int j = 0; j < n; j++) {
                col[j] += ci * counts[row + j];
            }
        }
        double[] wj = w.w;
        for (int j = 0; j < n; j++) {
            wj[j] = x[j] / col[j];
        }
        for (int i = 0; i < m; i++) {
            double acc = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                acc += counts[row + j] * wj[j];
            }
            mu[i] = c[i] * acc;
        }
        if (withMatrix) {
            for (int i = 0; i < m; i++) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    w.a[row + j] = c[i] * counts[row + j] / col[j];
                }
            }
        }
        return true;
    }

    private double epsilon(double[] x) {
        return hasEpsilon ? x[n + ns] : 1.0;
    }

    /** Σ g ln λ − λ from w.mu, filling w.lambda; −∞ outside the support. */
    private double dataTerm(Workspace w, double eps) {
        double sum = 0;
        double[] mu = w.mu, lam = w.lambda;
        for (int i = 0; i < m; i++) {
            double l = eps * mu[i] + b[i];
            lam[i] = l;
            if (l > 0) {
                double gi = g[i];
                sum += gi > 0 ? gi * Math.log(l) - l : -l;
            } else if (l < 0 || g[i] > 0 || l != l) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return sum;
    }

    /** Fills w.r with r(f); returns P(r) = Σ_k (C r)_k² / τ_k. */
    private double penalty(double[] x, Workspace w) {
        double[] r = w.r;
        if (log) {
            for (int j = 0; j < n; j++) {
                r[j] = Math.log((x[j] + offset) * s[j]) * INV_LN10;
            }
        } else {
            for (int j = 0; j < n; j++) {
                r[j] = x[j] * s[j];
            }
        }
        return tikhonov.penalty(r);
    }

    private double priors(double[] x) {
        double p = 0;
        for (int k = 0; k < ns; k++) {
            double z = (x[n + k] - rowFactors.nominal(k)) / rowFactors.priorWidth(k);
            p -= 0.5 * z * z;
        }
        if (hasEpsilon) {
            double z = (x[n + ns] - 1.0) / sigmaEpsilon;
            p -= 0.5 * z * z;
        }
        return p;
    }

    /** @return log p(x), −∞ outside the support; allocation-free */
    double logPosterior(double[] x, Workspace w) {
        double eps = epsilon(x);
        if (!(eps > 0 && eps < Double.POSITIVE_INFINITY) || !expected(x, w, false)) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = dataTerm(w, eps);
        if (d == Double.NEGATIVE_INFINITY) {
            return d;
        }
        return d - 0.5 * penalty(x, w) + priors(x);
    }

    /** @return Σ_i g_i ln λ_i − λ_i at x (−∞ outside the support) */
    double dataLogLikelihood(double[] x, Workspace w) {
        double eps = epsilon(x);
        if (!(eps > 0) || !expected(x, w, false)) {
            return Double.NEGATIVE_INFINITY;
        }
        return dataTerm(w, eps);
    }

    /** @return the Poisson deviance 2 Σ_i [λ_i − g_i + g_i ln(g_i/λ_i)] at x (>= 0) */
    double deviance(double[] x, Workspace w) {
        return 2 * (saturated - dataLogLikelihood(x, w));
    }

    /** @return P = Σ_k (C r)_k² / τ_k at x (the log-posterior contains −P/2) */
    double penalty(double[] x) {
        Workspace w = workspace();
        return penalty(x, w);
    }

    /**
     * Computes the log-posterior and its gradient.
     *
     * @param grad output ∂ log p / ∂x (length {@link #dimension()}); undefined outside the support
     * @return log p(x)
     */
    double gradient(double[] x, double[] grad, Workspace w) {
        double eps = epsilon(x);
        if (!(eps > 0) || !expected(x, w, true)) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = dataTerm(w, eps);
        if (d == Double.NEGATIVE_INFINITY) {
            return d;
        }
        double value = d - 0.5 * penalty(x, w) + priors(x);
        double[] q = w.q, lam = w.lambda, a = w.a, mu = w.mu;
        double dEps = 0;
        for (int i = 0; i < m; i++) {
            double ratio = g[i] > 0 ? g[i] / lam[i] : 0.0;
            q[i] = eps * (ratio - 1.0);
            dEps += mu[i] * (ratio - 1.0);
        }
        double[] dg = w.dataGrad;
        java.util.Arrays.fill(dg, 0.0);
        for (int i = 0; i < m; i++) {
            double qi = q[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                dg[j] += a[row + j] * qi;
            }
        }
        tikhonov.normalTimes(w.r, w.mr);
        for (int j = 0; j < n; j++) {
            grad[j] = dg[j] - w.mr[j] * rPrime(x[j], j);
        }
        if (ns > 0) {
            rowFactors.logDerivatives(x, n, w.dlog);
            for (int k = 0; k < ns; k++) {
                // ∂D/∂θ = Σ_i q_i d_i μ_i − Σ_j w_j T_j G_j,  T_j = Σ_i c_i d_i N_ij
                double t1 = 0;
                for (int i = 0; i < m; i++) {
                    t1 += q[i] * w.dlog[k * m + i] * mu[i];
                }
                double t2 = 0;
                for (int j = 0; j < n; j++) {
                    double tj = 0;
                    for (int i = 0; i < m; i++) {
                        tj += w.c[i] * w.dlog[k * m + i] * counts[i * n + j];
                    }
                    t2 += w.w[j] * tj * dg[j];
                }
                grad[n + k] = t1 - t2 - (x[n + k] - rowFactors.nominal(k))
                        / (rowFactors.priorWidth(k) * rowFactors.priorWidth(k));
            }
        }
        if (hasEpsilon) {
            grad[n + ns] = dEps - (eps - 1.0) / (sigmaEpsilon * sigmaEpsilon);
        }
        return value;
    }

    private double rPrime(double f, int j) {
        return log ? INV_LN10 / (f + offset) : s[j];
    }

    /**
     * Computes the Hessian of log p at x (must be inside the support).
     *
     * @param h output dim × dim, symmetric
     * @return log p(x)
     */
    double hessian(double[] x, double[][] h, Workspace w) {
        double[] grad = new double[dim];
        double value = gradient(x, grad, w);
        if (value == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("Hessian requested outside the support");
        }
        double eps = epsilon(x);
        double[] a = w.a, lam = w.lambda, mu = w.mu;
        double[] gl2 = new double[m];
        for (int i = 0; i < m; i++) {
            gl2[i] = g[i] > 0 ? g[i] / (lam[i] * lam[i]) : 0.0;
        }
        double[][] mm = tikhonov.normalMatrix();
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                double acc = 0;
                for (int i = 0; i < m; i++) {
                    acc += a[i * n + j] * a[i * n + k] * gl2[i];
                }
                double v = -eps * eps * acc - mm[j][k] * rPrime(x[j], j) * rPrime(x[k], k);
                if (j == k && log) {
                    double u = x[j] + offset;
                    v += w.mr[j] * INV_LN10 / (u * u);
                }
                h[j][k] = v;
                h[k][j] = v;
            }
        }
        if (hasEpsilon) {
            int e = n + ns;
            double ee = 0;
            for (int i = 0; i < m; i++) {
                ee -= mu[i] * mu[i] * gl2[i];
            }
            h[e][e] = ee - 1.0 / (sigmaEpsilon * sigmaEpsilon);
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int i = 0; i < m; i++) {
                    double ratio = g[i] > 0 ? g[i] / lam[i] : 0.0;
                    acc += a[i * n + j] * ((ratio - 1.0) - eps * mu[i] * gl2[i]);
                }
                h[j][e] = acc;
                h[e][j] = acc;
            }
        }
        if (ns > 0) {
            double[] xp = x.clone();
            double[] gp, gm;
            Workspace tmp = workspace();
            double[][] rows = new double[ns][];
            for (int k = 0; k < ns; k++) {
                int idx = n + k;
                gp = new double[dim];
                gm = new double[dim];
                double step = 1e-4 * rowFactors.priorWidth(k);
                xp[idx] = x[idx] + step;
                double vp = gradient(xp, gp, tmp);
                xp[idx] = x[idx] - step;
                double vm = gradient(xp, gm, tmp);
                xp[idx] = x[idx];
                double span = 2 * step;
                if (vp == Double.NEGATIVE_INFINITY || vm == Double.NEGATIVE_INFINITY) {
                    // at the edge of the row factors' support: one-sided difference towards the inside
                    if (vp == Double.NEGATIVE_INFINITY && vm == Double.NEGATIVE_INFINITY) {
                        throw new IllegalStateException("systematic '" + rowFactors.name(k) + "' at theta = " + x[idx]
                                + ": the row factors' support is narrower than " + span + " around it");
                    }
                    double[] centre = new double[dim];
                    gradient(x, centre, tmp);
                    if (vp == Double.NEGATIVE_INFINITY) {
                        gp = centre;
                    } else {
                        gm = centre;
                    }
                    span = step;
                }
                rows[k] = new double[dim];
                for (int l = 0; l < dim; l++) {
                    rows[k][l] = (gp[l] - gm[l]) / span;
                }
            }
            for (int k = 0; k < ns; k++) {
                int idx = n + k;
                for (int l = 0; l < dim; l++) {
                    boolean otherTheta = l >= n && l < n + ns;
                    double v = otherTheta ? 0.5 * (rows[k][l] + rows[l - n][idx]) : rows[k][l];
                    h[idx][l] = v;
                    h[l][idx] = v;
                }
            }
            gradient(x, grad, w); // leave w describing x
        }
        return value;
    }
}
