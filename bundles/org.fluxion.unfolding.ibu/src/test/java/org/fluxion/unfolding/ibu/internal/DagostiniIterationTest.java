package org.fluxion.unfolding.ibu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.junit.jupiter.api.Test;

class DagostiniIterationTest {
    private static final SteepProblem PROBLEM = SteepProblem.standard();

    private static double[][] p() {
        double[][] p = new double[PROBLEM.probabilities.length][];
        for (int j = 0; j < p.length; j++) {
            p[j] = PROBLEM.probabilities[j].clone();
            for (int c = 0; c < p[j].length; c++) {
                p[j][c] *= PROBLEM.efficiency[c];
            }
        }
        return p;
    }

    private static double[] data() {
        return PROBLEM.toy(new SplittableRandom(7));
    }

    private static double[] flat(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }

    private static DagostiniIteration run(double[][] p, double[] n, int iterations, LogLogPolynomialSmoothing s,
            boolean response) {
        DagostiniIteration it = new DagostiniIteration(p, n, flat(p[0].length), s, response);
        for (int k = 0; k < iterations; k++) {
            it.advance();
        }
        return it;
    }

    /** max |a − b| over the matrix, relative to max |b|. */
    private static double relativeDifference(double[][] a, double[][] b) {
        double diff = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                diff = Math.max(diff, Math.abs(a[i][j] - b[i][j]));
                scale = Math.max(scale, Math.abs(b[i][j]));
            }
        }
        return diff / scale;
    }

    private static double[][] finiteDifferenceDataJacobian(double[][] p, double[] n, int iterations,
            LogLogPolynomialSmoothing s) {
        double[][] fd = new double[n.length][];
        for (int j = 0; j < n.length; j++) {
            double h = 1e-4 * Math.max(n[j], 1);
            double[] up = n.clone(), down = n.clone();
            up[j] += h;
            down[j] -= h;
            double[] a = run(p, up, iterations, s, false).phi(), b = run(p, down, iterations, s, false).phi();
            fd[j] = new double[a.length];
            for (int c = 0; c < a.length; c++) {
                fd[j][c] = (a[c] - b[c]) / (2 * h);
            }
        }
        return fd;
    }

    @Test
    void dataJacobianMatchesCentralFiniteDifferences() {
        double[][] p = p();
        double[] n = data();
        for (int iterations : new int[] { 1, 2, 5, 20 }) {
            double[][] adye = run(p, n, iterations, null, false).dataJacobian();
            double rel = relativeDifference(adye, finiteDifferenceDataJacobian(p, n, iterations, null));
            assertTrue(rel < 1e-6, "after " + iterations + " iterations D differs from finite differences by " + rel);
        }
    }

    @Test
    void theWrongIndexContractionOfThePeerIsDetectedByTheSameCheck() {
        // D_{t+1} = M + D ⊙ r − D·K (K instead of Kᵀ), the peer's contraction, evaluated by hand.
        double[][] p = p();
        double[] n = data();
        int nE = p.length, nC = p[0].length;
        double[] phi = new double[nC];
        double total = Arrays.stream(n).sum();
        Arrays.fill(phi, total / nC);
        double[][] d = null;
        double[] eff = new double[nC];
        for (double[] row : p) {
            for (int c = 0; c < nC; c++) {
                eff[c] += row[c];
            }
        }
        for (int t = 0; t < 5; t++) {
            double[][] m = new double[nE][nC];
            double[] next = new double[nC];
            for (int j = 0; j < nE; j++) {
                double f = 0;
                for (int c = 0; c < nC; c++) {
                    f += p[j][c] * phi[c];
                }
                for (int c = 0; c < nC; c++) {
                    m[j][c] = p[j][c] * phi[c] / (eff[c] * f);
                    next[c] += n[j] * m[j][c];
                }
            }
            double[][] dn = new double[nE][nC];
            for (int j = 0; j < nE; j++) {
                for (int a = 0; a < nC; a++) {
                    dn[j][a] = m[j][a];
                    if (d != null) {
                        dn[j][a] += d[j][a] * next[a] / phi[a];
                        for (int s = 0; s < nC; s++) {
                            double k = 0; // K[s][a] instead of K[a][s]
                            for (int i = 0; i < nE; i++) {
                                k += n[i] * m[i][s] * m[i][a] * eff[a] / phi[a];
                            }
                            dn[j][a] -= d[j][s] * k;
                        }
                    }
                }
            }
            d = dn;
            phi = next;
        }
        double rel = relativeDifference(d, finiteDifferenceDataJacobian(p, n, 5, null));
        assertTrue(rel > 1e-3, "the wrong contraction should be visibly off but differs only by " + rel);
    }

    @Test
    void dataJacobianWithPriorSmoothingMatchesFiniteDifferences() {
        double[][] p = p();
        double[] n = data();
        LogLogPolynomialSmoothing s = new LogLogPolynomialSmoothing(PROBLEM.truth, 2);
        double[][] adye = run(p, n, 8, s, false).dataJacobian();
        double rel = relativeDifference(adye, finiteDifferenceDataJacobian(p, n, 8, s));
        assertTrue(rel < 1e-6, "with smoothing D differs from finite differences by " + rel);
    }

    @Test
    void responseJacobianMatchesCentralFiniteDifferences() {
        double[][] p = p();
        double[] n = data();
        int nE = p.length, nC = p[0].length, iterations = 6;
        double[][] e = run(p, n, iterations, null, true).responseJacobian();
        double[][] fd = new double[nC][nE * nC];
        for (int k = 0; k < nE; k++) {
            for (int nu = 0; nu < nC; nu++) {
                double h = 1e-5 * Math.max(p[k][nu], 1e-3);
                double[][] up = copy(p), down = copy(p);
                up[k][nu] += h;
                down[k][nu] -= h;
                double[] a = run(up, n, iterations, null, false).phi(), b = run(down, n, iterations, null, false).phi();
                for (int mu = 0; mu < nC; mu++) {
                    fd[mu][k * nC + nu] = (a[mu] - b[mu]) / (2 * h);
                }
            }
        }
        double rel = relativeDifference(e, fd);
        assertTrue(rel < 1e-6, "dphi/dP differs from finite differences by " + rel);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Test
    void diagonalResponseGivesDataOverEfficiencyInOneIteration() {
        double[] eff = { 0.5, 0.25, 1.0 };
        double[][] p = { { 0.5, 0, 0 }, { 0, 0.25, 0 }, { 0, 0, 1.0 } };
        double[] n = { 10, 20, 30 };
        DagostiniIteration it = run(p, n, 1, null, true);
        double[] phi = it.phi();
        for (int c = 0; c < 3; c++) {
            assertEquals(n[c] / eff[c], phi[c], 1e-12);
        }
        double[][] v = it.dataCovariance(n, eff);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(a == b ? n[a] : 0, v[a][b], 1e-9, "[" + a + "][" + b + "]");
            }
        }
    }

    @Test
    void firstIterationJacobianIsTheUnfoldingMatrix() {
        double[][] p = p();
        double[] n = data();
        double[][] d = run(p, n, 1, null, false).dataJacobian();
        // Σ_μ ε_μ D_jμ = Σ_μ P_jμ φ_μ/f_j = 1: every observed event is shared out among the causes.
        for (int j = 0; j < d.length; j++) {
            double s = 0;
            for (int c = 0; c < d[j].length; c++) {
                s += d[j][c] * PROBLEM.efficiency[c];
            }
            assertEquals(1.0, s, 1e-12, "row " + j);
        }
    }
}
