package org.fluxion.unfolding.ibu.internal;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.fluxion.unfolding.api.numerics.IterationScan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

class IbuUnfolderTest {
    private static final UnfoldingContext CTX = UnfoldingContext.of(1);

    private static IbuSettings fixedIterations(int iterations, boolean responseErrors) {
        return new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, 0, iterations, responseErrors, false, 2);
    }

    @Test
    void diagonalResponseReproducesTheInput() throws UnfoldingException {
        Binning b = Binning.linear(3, 0, 3);
        double[][] counts = { { 400, 0, 0 }, { 0, 100, 0 }, { 0, 0, 1000 } };
        double[] eff = { 0.4, 0.1, 1.0 }, thrown = { 1000, 1000, 1000 }, g = { 50, 20, 70 };
        UnfoldingProblem p = UnfoldingProblem.builder(ResponseMatrix.of(b, b, counts, counts), g)
                .efficiency(eff, thrown).build();
        UnfoldingResult r = new IbuUnfolder(IbuSettings.defaults()).unfold(p, CTX);
        assertArrayEquals(g, r.estimate().values(), 1e-9);
        double[][] v = r.estimate().covariance();
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                // f = n exactly for any diagonal P, so only the data contribute: diag(g).
                assertEquals(a == c ? g[a] : 0, v[a][c], 1e-9, "cov[" + a + "][" + c + "]");
            }
        }
        Spectrum phi = r.acceptanceCorrected();
        for (int a = 0; a < 3; a++) {
            assertEquals(g[a] / eff[a], phi.value(a), 1e-9);
            // φ = n/ε with ε ~ binomial(thrown): var = g/ε² + n² var(ε)/ε⁴.
            double varEff = eff[a] * (1 - eff[a]) / thrown[a];
            assertEquals(g[a] / (eff[a] * eff[a]) + g[a] * g[a] * varEff / Math.pow(eff[a], 4), phi.covariance()[a][a],
                    1e-9 * phi.covariance()[a][a]);
        }
        assertTrue(r.diagnostics().converged());
        assertEquals(2, r.diagnostics().iterations(), "iteration 2 repeats iteration 1: KS distance 0");
        assertEquals(1.0 / 0.1, r.diagnostics().conditionNumber(), 1e-9, "singular values of diag(ε)");
    }

    @Test
    void closureOnPoissonToysGivesUnitPullsAndErrorsThatMatchTheSpread() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        IbuUnfolder u = new IbuUnfolder(fixedIterations(30, false));
        int toys = 200, nC = sp.truth.bins();
        double[][] est = new double[toys][], err = new double[toys][nC];
        for (int t = 0; t < toys; t++) {
            UnfoldingResult r = u.unfold(sp.problem(sp.toy(new SplittableRandom(1000 + t))), CTX);
            est[t] = r.estimate().values();
            for (int c = 0; c < nC; c++) {
                err[t][c] = r.estimate().uncertainty(c);
            }
        }
        double meanOfMeans = 0, meanOfWidths = 0;
        for (int c = 0; c < nC; c++) {
            double m = 0, e = 0, pm = 0, p2 = 0, v = 0;
            for (int t = 0; t < toys; t++) {
                m += est[t][c] / toys;
                e += err[t][c] / toys;
                double pull = (est[t][c] - sp.fTrue[c]) / err[t][c];
                pm += pull / toys;
                p2 += pull * pull / toys;
            }
            for (int t = 0; t < toys; t++) {
                v += (est[t][c] - m) * (est[t][c] - m) / (toys - 1);
            }
            double width = Math.sqrt(p2 - pm * pm), spreadOverError = Math.sqrt(v) / e;
            assertTrue(Math.abs(pm) < 0.4, "bin " + c + ": pull mean " + pm);
            assertTrue(width > 0.85 && width < 1.15, "bin " + c + ": pull width " + width);
            assertTrue(spreadOverError > 0.85 && spreadOverError < 1.15,
                    "bin " + c + ": toy spread / Adye error = " + spreadOverError);
            meanOfMeans += pm / nC;
            meanOfWidths += width / nC;
        }
        assertEquals(0, meanOfMeans, 0.15, "pull mean averaged over bins");
        assertEquals(1, meanOfWidths, 0.05, "pull width averaged over bins");
    }

    @Test
    void responseCovarianceMatchesTheSpreadOverResampledResponses() throws UnfoldingException {
        SteepProblem sp = new SteepProblem(32, 16, 0.12, 2e5, 2000);
        int nC = sp.truth.bins();
        double[] g = sp.expected;
        double[][] withMc = new IbuUnfolder(fixedIterations(30, true)).unfold(sp.problem(g), CTX).estimate().covariance();
        double[][] dataOnly = new IbuUnfolder(fixedIterations(30, false)).unfold(sp.problem(g), CTX).estimate()
                .covariance();
        IbuUnfolder u = new IbuUnfolder(fixedIterations(30, false));
        int toys = 200;
        double[][] est = new double[toys][];
        SplittableRandom rng = new SplittableRandom(99);
        for (int t = 0; t < toys; t++) {
            ResponseMatrix r = sp.sampledResponse(rng);
            double[] eff = r.columnSums();
            for (int c = 0; c < nC; c++) {
                eff[c] /= sp.mcPerBin;
            }
            est[t] = u.unfold(UnfoldingProblem.builder(r, g).efficiency(eff, sp.thrown()).build(), CTX).estimate()
                    .values();
        }
        double meanRatio = 0;
        for (int c = 0; c < nC; c++) {
            double m = 0, v = 0;
            for (double[] e : est) {
                m += e[c] / toys;
            }
            for (double[] e : est) {
                v += (e[c] - m) * (e[c] - m) / (toys - 1);
            }
            double predicted = withMc[c][c] - dataOnly[c][c];
            double ratio = v / predicted;
            assertTrue(ratio > 0.65 && ratio < 1.5, "bin " + c + ": resampled variance / propagated = " + ratio);
            meanRatio += ratio / nC;
        }
        assertEquals(1, meanRatio, 0.1, "mean ratio of resampled to propagated response variance");
    }

    @Test
    void eachStoppingTestStopsAtTheFirstIterationBelowItsTolerance() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(3)));
        double[][] tolerances = { { 0.001 }, { 0.01 }, { 0.01 }, { 0.01 } };
        StoppingTest[] tests = { StoppingTest.KS, StoppingTest.CHI2, StoppingTest.MAX_REL_DIFF,
                StoppingTest.BAYES_FACTOR };
        for (int k = 0; k < tests.length; k++) {
            double tol = tolerances[k][0];
            IbuSettings s = IbuSettings.defaults().withStopping(tests[k], tol, 1000);
            UnfoldingResult r = new IbuUnfolder(s).unfold(p, CTX);
            int n = r.diagnostics().iterations();
            assertTrue(r.diagnostics().converged(), tests[k] + ": " + r.diagnostics().stopReason());
            assertTrue(r.diagnostics().extra().get("test_statistic") < tol, tests[k] + " statistic");
            assertTrue(n > 1, tests[k] + " stopped after " + n + " iterations");
            // One iteration fewer: the statistic was still above the tolerance.
            UnfoldingResult before = new IbuUnfolder(IbuSettings.defaults().withStopping(tests[k], tol, n - 1))
                    .unfold(p, CTX);
            assertFalse(before.diagnostics().converged(), tests[k] + " converged earlier");
            assertTrue(before.diagnostics().extra().get("test_statistic") >= tol);
            assertTrue(before.diagnostics().stopReason().contains("iteration limit " + (n - 1)),
                    before.diagnostics().stopReason());
        }
    }

    @Test
    void tighterTolerancesIterateLonger() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(4)));
        int loose = new IbuUnfolder(IbuSettings.defaults().withStopping(StoppingTest.KS, 0.01, 1000)).unfold(p, CTX)
                .diagnostics().iterations();
        int tight = new IbuUnfolder(IbuSettings.defaults().withStopping(StoppingTest.KS, 1e-4, 1000)).unfold(p, CTX)
                .diagnostics().iterations();
        assertTrue(tight > loose, "tol 1e-4: " + tight + " iterations, tol 0.01: " + loose);
    }

    @Test
    void scanOverIterationsAgreesWithSingleUnfoldingsAndPicksAFiniteChoice() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(5)));
        IbuUnfolder u = new IbuUnfolder(IbuSettings.defaults());
        RegularisationScan scan = u.scan(p, CTX, 1, 200, 12);
        double[] values = scan.values();
        assertEquals("iterations", scan.parameter());
        assertEquals(1, values[0]);
        assertEquals(200, values[values.length - 1]);
        for (int k = 0; k < values.length; k++) {
            UnfoldingResult r = new IbuUnfolder(IbuSettings.defaults().withStopping(StoppingTest.KS, 0,
                    (int) values[k])).unfold(p, CTX);
            assertEquals(IterationScan.chi2ToTruth(r.estimate().values(), sp.fTrue), scan.chi2ToTruth()[k],
                    1e-9 * scan.chi2ToTruth()[k]);
            double gc = scan.meanGlobalCorrelation()[k];
            assertTrue(gc >= 0 && gc <= 1, "global correlation " + gc);
        }
        int byTruth = scan.byTruth();
        assertTrue(values[byTruth] > 1 && values[byTruth] < 200, "truth choice " + values[byTruth]);
        double[] residual = scan.residualNorm();
        assertTrue(residual[residual.length - 1] < residual[0], "the refolding misfit falls with iterations");
        assertTrue(scan.byLCurve() > 0 && scan.byLCurve() < values.length - 1, "L-curve corner " + scan.byLCurve());
    }

    @Test
    void priorSmoothingKeepsAPowerLawAndStillClosesOnAsimovData() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        IbuSettings s = new IbuSettings(PriorShape.JEFFREYS, List.of(), StoppingTest.KS, 1e-4, 500, true, true, 2);
        UnfoldingResult r = new IbuUnfolder(s).unfold(sp.problem(sp.expected), CTX);
        double[] f = r.estimate().values();
        for (int c = 0; c < f.length; c++) {
            assertEquals(sp.fTrue[c], f[c], 0.1 * r.estimate().uncertainty(c), "bin " + c);
        }
        assertEquals(2.0, r.diagnostics().extra().get("smoothing_degree"));
    }

    @Test
    void userPriorIsUsedAndBadPriorsAreClearErrors() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.expected);
        List<Double> user = new java.util.ArrayList<>();
        for (double v : sp.phiTrue) {
            user.add(v);
        }
        UnfoldingResult r = new IbuUnfolder(new IbuSettings(PriorShape.USER, user, StoppingTest.KS, 0.01, 100, false,
                false, 2)).unfold(p, CTX);
        assertEquals(1, r.diagnostics().iterations(), "the true prior is already a fixed point");
        assertArrayEquals(sp.fTrue, r.estimate().values(), 1e-6 * sp.fTrue[0]);

        UnfoldingException e = assertThrows(UnfoldingException.class, () -> new IbuUnfolder(new IbuSettings(
                PriorShape.USER, List.of(1.0, 2.0), StoppingTest.KS, 0.01, 100, false, false, 2)).unfold(p, CTX));
        assertTrue(e.getMessage().contains("'prior_values' has 2 values but the true binning has 16 bins"),
                e.getMessage());

        Binning lin = Binning.linear(2, -1, 1);
        double[][] c = { { 5, 1 }, { 1, 5 } };
        UnfoldingProblem neg = UnfoldingProblem.builder(ResponseMatrix.of(lin, lin, c, c), new double[] { 3, 4 })
                .build();
        e = assertThrows(UnfoldingException.class, () -> new IbuUnfolder(new IbuSettings(PriorShape.JEFFREYS,
                List.of(), StoppingTest.KS, 0.01, 100, false, false, 2)).unfold(neg, CTX));
        assertTrue(e.getMessage().contains("bin 0 [-1.0, 0.0) has centre -0.5"), e.getMessage());
    }

    @Test
    void backgroundIsSubtractedAndEmptyDataIsAClearError() throws UnfoldingException {
        Binning b = Binning.linear(2, 0, 2);
        double[][] c = { { 10, 0 }, { 0, 10 } };
        ResponseMatrix r = ResponseMatrix.of(b, b, c, c);
        UnfoldingResult res = new IbuUnfolder(IbuSettings.defaults()).unfold(
                UnfoldingProblem.builder(r, new double[] { 10, 3 }).background(new double[] { 4, 5 }).build(), CTX);
        assertArrayEquals(new double[] { 6, 0 }, res.estimate().values(), 1e-12);
        assertEquals(1.0, res.diagnostics().extra().get("clipped_proxy_bins"));
        assertEquals(10, res.estimate().covariance()[0][0], 1e-9, "variance of g − b is g");
        UnfoldingException e = assertThrows(UnfoldingException.class, () -> new IbuUnfolder(IbuSettings.defaults())
                .unfold(UnfoldingProblem.builder(r, new double[] { 0, 0 }).build(), CTX));
        assertTrue(e.getMessage().contains("nothing to unfold"), e.getMessage());
    }

    @Test
    void badScanRangesAreRejectedWithTheValues() {
        SteepProblem sp = SteepProblem.standard();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IbuUnfolder(IbuSettings.defaults()).scan(sp.problem(sp.expected), CTX, 5, 3, 10));
        assertTrue(e.getMessage().contains("min=5.0, max=3.0"), e.getMessage());
    }
}
