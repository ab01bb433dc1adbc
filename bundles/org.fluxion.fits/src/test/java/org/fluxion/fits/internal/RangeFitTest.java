package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.synth.MuonFluxModel;
import org.junit.jupiter.api.Test;

/** Closure of the range fit on flux points generated from its own model with a known a, b. */
class RangeFitTest {
    /** The theory shape of the tests: the Gaisser formula in m⁻² (= the synthetic table's conventional). */
    static final SurfaceFlux GAISSER = (e, c) -> 1e4 * MuonFluxModel.gaisser(e, c);
    static final double A = 0.259, B = 3.63e-4, NORM = 0.92;

    static RangeFit theoryModel(boolean straggling) {
        return theoryModel(straggling, Double.NaN);
    }

    static RangeFit theoryModel(boolean straggling, double fixedNormalisation) {
        EffectiveArea area = SyntheticInputs.rangeArea(SyntheticInputs.RANGE);
        int[] all = java.util.stream.IntStream.range(0, SyntheticInputs.RANGE.bins()).toArray();
        return new RangeFit(RangeFitRun.geometry(SyntheticInputs.RANGE, area, all, 0.917, straggling, 8),
                RangeModel.THEORY, GAISSER, Double.NaN, 1000, fixedNormalisation);
    }

    @Test
    void recoversInjectedParametersAndPullsAreStandardNormal() {
        RangeFit model = theoryModel(false);
        double[] truth = { A, B, NORM };
        double[] mu = model.expectation(truth);
        double[][] v = SyntheticInputs.covariance(mu, 0.005, 0.3);
        SplittableRandom rnd = new SplittableRandom(20261122L);
        int toys = 200;
        double[][] pulls = new double[3][toys];
        for (int t = 0; t < toys; t++) {
            double[] y = SyntheticInputs.noisy(mu, v, rnd);
            ChiSquareFit chi = new ChiSquareFit(y, v);
            ChiSquareFit.Outcome o = RangeFitRun.fit(model, chi, RangeFitRun.start(model, chi, 0.25, 3.5e-4, 3.7));
            double[][] c = o.covariance();
            for (int k = 0; k < 3; k++) {
                pulls[k][t] = (o.parameters()[k] - truth[k]) / Math.sqrt(c[k][k]);
            }
            if (t == 0) {
                assertCovarianceSymmetricPositiveDefinite(c);
                for (int k = 0; k < 3; k++) {
                    assertEquals(truth[k], o.parameters()[k], 4 * Math.sqrt(c[k][k]), "parameter " + k);
                }
                System.out.printf("range toy 0: a = %.4f +- %.4f, b = %.3e +- %.2e, N = %.4f +- %.4f, rho(a,b) = %.3f, "
                        + "chi2 = %.2f, evaluations %d%n", o.parameters()[0], Math.sqrt(c[0][0]), o.parameters()[1],
                        Math.sqrt(c[1][1]), o.parameters()[2], Math.sqrt(c[2][2]),
                        c[0][1] / Math.sqrt(c[0][0] * c[1][1]), o.chi2(), o.evaluations());
            }
        }
        for (int k = 0; k < 3; k++) {
            double m = mean(pulls[k]), s = sd(pulls[k]);
            System.out.printf("range pulls of parameter %d: mean %.3f, width %.3f%n", k, m, s);
            assertEquals(0, m, 0.2, "pull mean of parameter " + k);
            assertEquals(1, s, 0.15, "pull width of parameter " + k);
        }
    }

    @Test
    void profileContourOfAGaussianChiSquareIsTheCovarianceEllipse() {
        RangeFit model = theoryModel(false);
        double[] mu = model.expectation(new double[] { A, B, NORM });
        double[][] v = SyntheticInputs.covariance(mu, 5e-4, 0.3); // small errors: χ² quadratic near the minimum
        ChiSquareFit chi = new ChiSquareFit(mu, v);
        ChiSquareFit.Outcome o = RangeFitRun.fit(model, chi, RangeFitRun.start(model, chi, 0.25, 3.5e-4, 3.7));
        assertEquals(A, o.parameters()[0], 1e-6);
        assertEquals(B, o.parameters()[1], 1e-9);
        ProfileContour pc = new ProfileContour(chi, model, o);
        double[][] c = o.covariance();
        for (double[] q : pc.trace(RangeFitRun.ONE_SIGMA, 16)) {
            double da = q[0] - o.parameters()[0], db = q[1] - o.parameters()[1];
            double det = c[0][0] * c[1][1] - c[0][1] * c[0][1];
            double m = (c[1][1] * da * da - 2 * c[0][1] * da * db + c[0][0] * db * db) / det;
            assertEquals(RangeFitRun.ONE_SIGMA, m, 0.06 * RangeFitRun.ONE_SIGMA);
            assertEquals(RangeFitRun.ONE_SIGMA, pc.deltaChi2(q[0], q[1]), 1e-3);
        }
    }

    @Test
    void powerLawWithFixedPhi0AndIndexRecoversAB() {
        EffectiveArea area = SyntheticInputs.rangeArea(SyntheticInputs.RANGE);
        int[] all = java.util.stream.IntStream.range(0, SyntheticInputs.RANGE.bins()).toArray();
        RangeFit model = new RangeFit(RangeFitRun.geometry(SyntheticInputs.RANGE, area, all, 0.917, false, 8),
                RangeModel.POWER_LAW, null, 2e-6, 1000, 3.7);
        double[] mu = model.expectation(new double[] { A, B, 3.7 });
        double[][] v = SyntheticInputs.covariance(mu, 0.03, 0.2);
        double[] y = SyntheticInputs.noisy(mu, v, new SplittableRandom(5));
        ChiSquareFit chi = new ChiSquareFit(y, v);
        ChiSquareFit.Outcome o = RangeFitRun.fit(model, chi, RangeFitRun.start(model, chi, 0.2, 4e-4, 3.7));
        assertEquals(2, o.covariance().length);
        assertEquals(A, o.parameters()[0], 4 * Math.sqrt(o.covariance()[0][0]));
        assertEquals(B, o.parameters()[1], 4 * Math.sqrt(o.covariance()[1][1]));
        assertEquals(3.7, o.parameters()[2]);
    }

    static void assertCovarianceSymmetricPositiveDefinite(double[][] c) {
        for (int i = 0; i < c.length; i++) {
            for (int k = 0; k < c.length; k++) {
                assertEquals(c[i][k], c[k][i], 1e-12 * Math.sqrt(c[i][i] * c[k][k]));
            }
        }
        // Cholesky succeeds ⇔ positive definite
        assertTrue(c.length == 0 || ChiSquareFit.invert(c, "test").length == c.length);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
