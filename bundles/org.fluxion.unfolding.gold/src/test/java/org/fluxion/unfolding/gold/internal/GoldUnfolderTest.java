package org.fluxion.unfolding.gold.internal;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.fluxion.unfolding.api.numerics.IterationScan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.Setting;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

class GoldUnfolderTest {
    private static final UnfoldingContext CTX = UnfoldingContext.of(1);

    @Test
    void diagonalResponseReproducesTheInput() throws UnfoldingException {
        Binning b = Binning.linear(3, 0, 3);
        double[][] counts = { { 400, 0, 0 }, { 0, 100, 0 }, { 0, 0, 1000 } };
        double[] eff = { 0.4, 0.1, 1.0 }, g = { 50, 20, 70 };
        UnfoldingProblem p = UnfoldingProblem.builder(ResponseMatrix.of(b, b, counts, counts), g).efficiency(eff, null)
                .build();
        UnfoldingResult r = new GoldUnfolder(GoldSettings.defaults()).unfold(p, CTX);
        assertArrayEquals(g, r.estimate().values(), 1e-9);
        for (int j = 0; j < 3; j++) {
            assertEquals(g[j] / eff[j], r.acceptanceCorrected().value(j), 1e-9);
            assertEquals(g[j], r.estimate().covariance()[j][j], 1e-9);
        }
        assertTrue(r.diagnostics().converged());
    }

    @Test
    void toysAreIdenticalWithOneAndTwoThreadsAndDependOnTheSeed() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(8)));
        GoldUnfolder u = new GoldUnfolder(new GoldSettings(100, 0, StartShape.FLAT, ErrorMethod.TOYS, 64));
        double[][] one = u.unfold(p, new UnfoldingContext(42, 1, ProgressMonitor.NONE)).estimate().covariance();
        double[][] two = u.unfold(p, new UnfoldingContext(42, 2, ProgressMonitor.NONE)).estimate().covariance();
        double[][] other = u.unfold(p, new UnfoldingContext(43, 2, ProgressMonitor.NONE)).estimate().covariance();
        for (int j = 0; j < one.length; j++) {
            assertArrayEquals(one[j], two[j], 0.0, "row " + j);
        }
        assertFalse(one[0][0] == other[0][0], "another seed gives other toys");
    }

    @Test
    void covariancesAreExactlySymmetric() throws UnfoldingException {
        // the selected-event covariance is V_x scaled by ε_j ε_l: bitwise symmetric, also where it nears
        // underflow after many iterations (bins pinned towards 0)
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(3)));
        UnfoldingResult r = new GoldUnfolder(new GoldSettings(3000, 0, StartShape.FLAT, ErrorMethod.LINEARISATION, 10))
                .unfold(p, CTX);
        for (double[][] c : new double[][][] { r.estimate().covariance(), r.acceptanceCorrected().covariance() }) {
            for (int j = 0; j < c.length; j++) {
                for (int l = 0; l < j; l++) {
                    assertEquals(Double.doubleToRawLongBits(c[j][l]), Double.doubleToRawLongBits(c[l][j]),
                            "cov[" + j + "][" + l + "] = " + c[j][l] + " vs " + c[l][j]);
                }
            }
        }
    }

    @Test
    void toyAndLinearisedErrorsAgree() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(9)));
        UnfoldingContext ctx = new UnfoldingContext(7, 2, ProgressMonitor.NONE);
        UnfoldingResult lin = new GoldUnfolder(new GoldSettings(200, 0, StartShape.FLAT, ErrorMethod.LINEARISATION, 10))
                .unfold(p, ctx);
        UnfoldingResult toys = new GoldUnfolder(new GoldSettings(200, 0, StartShape.FLAT, ErrorMethod.TOYS, 400))
                .unfold(p, ctx);
        assertArrayEquals(lin.estimate().values(), toys.estimate().values(), 0.0);
        double mean = 0;
        int n = lin.estimate().binning().bins();
        for (int j = 0; j < n; j++) {
            double ratio = toys.estimate().uncertainty(j) / lin.estimate().uncertainty(j);
            // Below ~100 events per bin the multiplicative map is visibly non-linear over the Poisson
            // spread and the linearised error is up to ~15 % larger than the toy spread.
            double tol = sp.fTrue[j] > 100 ? 0.12 : 0.25;
            assertTrue(Math.abs(ratio - 1) < tol, "bin " + j + " (" + sp.fTrue[j] + " events): toy / linearised error = "
                    + ratio);
            mean += ratio / n;
        }
        assertEquals(1, mean, 0.05, "mean toy / linearised error ratio");
        assertEquals(400.0, toys.diagnostics().extra().get("toys"));
    }

    @Test
    void stopsAtTheFirstIterationBelowTheToleranceOrAtTheIterationCount() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(10)));
        UnfoldingResult r = new GoldUnfolder(new GoldSettings(100000, 1e-3, StartShape.FLAT, ErrorMethod.LINEARISATION,
                10)).unfold(p, CTX);
        int n = r.diagnostics().iterations();
        assertTrue(r.diagnostics().converged(), r.diagnostics().stopReason());
        assertTrue(r.diagnostics().extra().get("relative_change") < 1e-3);
        UnfoldingResult before = new GoldUnfolder(new GoldSettings(n - 1, 1e-3, StartShape.FLAT,
                ErrorMethod.LINEARISATION, 10)).unfold(p, CTX);
        assertFalse(before.diagnostics().converged());
        assertTrue(before.diagnostics().extra().get("relative_change") >= 1e-3);

        UnfoldingResult fixed = new GoldUnfolder(new GoldSettings(37, 0, StartShape.BACK_PROJECTION,
                ErrorMethod.LINEARISATION, 10)).unfold(p, CTX);
        assertEquals(37, fixed.diagnostics().iterations());
        assertFalse(fixed.diagnostics().converged());
        assertTrue(fixed.diagnostics().stopReason().startsWith("iteration limit 37"),
                fixed.diagnostics().stopReason());
        for (double v : fixed.estimate().values()) {
            assertTrue(v > 0, "positive estimate " + v);
        }
    }

    @Test
    void scanOverIterationsPicksAnInteriorTruthChoice() throws UnfoldingException {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem p = sp.problem(sp.toy(new SplittableRandom(11)));
        RegularisationScan scan = new GoldUnfolder(GoldSettings.defaults()).scan(p, CTX, 1, 5000, 15);
        double[] v = scan.values();
        assertEquals(1, v[0]);
        assertEquals(5000, v[v.length - 1]);
        assertTrue(scan.byTruth() > 0 && scan.byTruth() < v.length - 1, "truth choice at " + v[scan.byTruth()]);
        UnfoldingResult at = new GoldUnfolder(new GoldSettings((int) v[scan.byTruth()], 0, StartShape.FLAT,
                ErrorMethod.LINEARISATION, 10)).unfold(p, CTX);
        assertEquals(IterationScan.chi2ToTruth(at.estimate().values(), sp.fTrue), scan.chi2ToTruth()[scan.byTruth()],
                1e-9 * scan.chi2ToTruth()[scan.byTruth()]);
        double[] res = scan.residualNorm();
        assertTrue(res[res.length - 1] < res[0], "misfit falls with iterations");
    }

    @Test
    void badInputAndSettingsAreClearErrors() {
        Binning b = Binning.linear(2, 0, 2);
        double[][] c = { { 10, 0 }, { 0, 10 } };
        UnfoldingProblem empty = UnfoldingProblem.builder(ResponseMatrix.of(b, b, c, c), new double[] { 1, 2 })
                .background(new double[] { 3, 3 }).build();
        UnfoldingException e = assertThrows(UnfoldingException.class,
                () -> new GoldUnfolder(GoldSettings.defaults()).unfold(empty, CTX));
        assertTrue(e.getMessage().contains("gold: nothing to unfold"), e.getMessage());
        InvalidSettingsException s = assertThrows(InvalidSettingsException.class,
                () -> new GoldSettings(0, 1e-4, StartShape.FLAT, ErrorMethod.TOYS, 100));
        assertEquals("max_iterations", s.key());
        assertTrue(s.getMessage().contains("but was 0"), s.getMessage());
        s = assertThrows(InvalidSettingsException.class,
                () -> new GoldSettings(10, Double.NaN, StartShape.FLAT, ErrorMethod.TOYS, 100));
        assertEquals("tolerance", s.key());
        s = assertThrows(InvalidSettingsException.class,
                () -> new GoldSettings(10, 1e-4, StartShape.FLAT, ErrorMethod.TOYS, 3));
        assertEquals("toys", s.key());
        s = assertThrows(InvalidSettingsException.class, () -> new GoldSettings(10, 1e-4, null, ErrorMethod.TOYS, 30));
        assertEquals("start", s.key());
    }

    @Test
    void settingsAreDocumentedAndTheProviderHasTheGoldId() {
        for (RecordComponent c : GoldSettings.class.getRecordComponents()) {
            Setting s = c.getAnnotation(Setting.class);
            assertTrue(s != null && !s.description().isBlank() && !Setting.REQUIRED.equals(s.defaultValue()),
                    c.getName());
        }
        GoldUnfolderProvider p = new GoldUnfolderProvider();
        assertEquals("gold", p.descriptor().id());
        assertTrue(p.create(GoldSettings.defaults()) instanceof GoldUnfolder);
    }
}
