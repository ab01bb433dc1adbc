package org.fluxion.unfolding.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.testsupport.FakeStepContext;
import org.fluxion.testsupport.unfolding.LeastSquaresUnfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

class UnfoldStepTest {
    /** Weighted least squares with Neyman weights W = diag(1/max(g, 1)), covariance (Aᵀ W A)⁻¹ (id lsq). */
    static final UnfolderCatalog CATALOG = LeastSquaresUnfolder.catalog(0);

    static final long THROWN = 400_000;

    /**
     * A toy MC: truth uniform on [1, 11) (generation index 0), kept with probability 0.3 + 0.06 (t − 1),
     * proxy = truth + N(0, 0.4).
     */
    static EventTable toy(String name, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[(int) THROWN], p = new double[(int) THROWN];
        int n = 0;
        for (long k = 0; k < THROWN; k++) {
            double x = 1 + 10 * r.nextDouble();
            if (r.nextDouble() < 0.3 + 0.06 * (x - 1)) {
                double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                t[n] = x;
                p[n] = x + 0.4 * z;
                n++;
            }
        }
        return EventTable.builder(name).add(Column.ofDoubles("t", "", java.util.Arrays.copyOf(t, n)))
                .add(Column.ofDoubles("p", "", java.util.Arrays.copyOf(p, n))).build();
    }

    static UnfoldSettings settings(String data, UnfoldSettings.GenerationSettings gen, double train, double test) {
        return new UnfoldSettings("mc", data, "p", "", "t", 24, -1, 13, false, 5, 1, 11, false, "", Double.NaN, gen, "lsq",
                Map.of(), new UnfoldHistogramsSettings.ScanSettings(false, 1e-3, 1e3, 30), train, test, "t", "");
    }

    static UnfoldSettings.GenerationSettings generation() {
        return new UnfoldSettings.GenerationSettings(0, 1, 11, false, THROWN, Double.NaN);
    }

    @Test
    void closureOnTheTestSplitRecoversTruthAndThrown() throws Exception {
        FakeStepContext ctx = new FakeStepContext(1);
        ctx.input("samples", SampleSet.of(List.of(toy("mc", 1))));
        new UnfoldStep(CATALOG, settings("mc", generation(), 0.5, 0.5)).run(ctx);
        Map<String, ?> closure = ctx.summaries.get("closure");
        double chi2 = ((Number) closure.get("chi2_full_covariance")).doubleValue();
        assertTrue(chi2 < 20, "chi2 of 5 bins " + chi2); // P(chi2_5 > 20) = 0.1 %
        UnfoldingResult r = (UnfoldingResult) ctx.outputs.get("result");
        // the acceptance-corrected estimate counts the generated events behind the test half: 400 k / 2 / 5 per bin
        for (int j = 0; j < 5; j++) {
            double expected = THROWN * 0.5 / 5;
            double pull = (r.acceptanceCorrected().value(j) - expected) / r.acceptanceCorrected().uncertainty(j);
            assertTrue(Math.abs(pull) < 4, "bin " + j + " pull " + pull);
        }
        var eff = ctx.tables.get("efficiency_bins");
        for (int j = 0; j < 5; j++) {
            double e = ((Number) eff.rows().get(j).get(4)).doubleValue();
            double centre = 2 * j + 2, expected = 0.3 + 0.06 * (centre - 1);
            assertEquals(expected, e, 0.02, "efficiency in bin " + j); // 0.5 % proxy spill-over at the ends
        }
        assertEquals(Binning.linear(5, 1, 11), ctx.outputs.get("true_binning"));
        assertTrue(ctx.plots.containsKey("closure_pulls") && ctx.plots.containsKey("unfolded")
                && ctx.plots.containsKey("response") && ctx.plots.containsKey("efficiency"), ctx.plots.keySet().toString());
    }

    @Test
    void splitIsDeterministicAndDisjoint() throws Exception {
        EventTable mc = toy("mc", 2);
        double[] first = null;
        for (int rep = 0; rep < 2; rep++) {
            FakeStepContext ctx = new FakeStepContext(1 + rep);
            ctx.input("samples", SampleSet.of(List.of(mc)));
            new UnfoldStep(CATALOG, settings("mc", generation(), 0.6, 0.3)).run(ctx);
            Map<String, ?> in = ctx.summaries.get("inputs");
            int train = ((Number) in.get("train_events")).intValue(), test = ((Number) in.get("test_events")).intValue();
            assertEquals(Math.round(0.6 * mc.rowCount()), train);
            assertEquals(Math.round(0.3 * mc.rowCount()), test);
            double[] est = ((UnfoldingResult) ctx.outputs.get("result")).estimate().values();
            if (first == null) {
                first = est;
            } else {
                assertArrayEquals(first, est, 0.0, "same seed, other thread count: identical result");
            }
        }
    }

    @Test
    void dataSampleWithoutGenerationHasNoAcceptanceCorrection() throws Exception {
        FakeStepContext ctx = new FakeStepContext(1);
        EventTable data = toy("data", 3);
        ctx.input("samples", SampleSet.of(List.of(toy("mc", 4), data)));
        new UnfoldStep(CATALOG, settings("data", new UnfoldSettings.GenerationSettings(Double.NaN, Double.NaN, Double.NaN,
                true, 0, Double.NaN), Double.NaN, Double.NaN)).run(ctx);
        UnfoldingResult r = (UnfoldingResult) ctx.outputs.get("result");
        assertEquals(null, r.acceptanceCorrected());
        double total = 0;
        for (double v : r.estimate().values()) {
            total += v;
        }
        assertEquals(data.rowCount(), total, 5 * Math.sqrt(data.rowCount()));
    }

    @Test
    void badSettingsNameKeyAndValue() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> settings("mc", generation(), 0.7, 0.5));
        assertEquals("test_size", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> new UnfoldSettings.GenerationSettings(2, 0, 10, false,
                10, Double.NaN));
        assertEquals("energy_min", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> settings("mc", generation(), 0.7, 0.5));
        assertEquals("test_size", e.key());
        assertTrue(e.getMessage().contains("0.7 + 0.5"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> settings("data", generation(), 1, 0.2));
        assertEquals("test_size", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> new UnfoldSettings.GenerationSettings(2, 14, 18, true, 0,
                Double.NaN));
        assertEquals("thrown", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> new UnfoldSettings.GenerationSettings(2, 18, 14, true, 10,
                Double.NaN));
        assertEquals("energy_max", e.key());

        FakeStepContext ctx = new FakeStepContext(1);
        ctx.input("samples", SampleSet.of(List.of(toy("mc", 5))));
        UnfoldSettings s = new UnfoldSettings("mc", "mc", "no_such", "", "t", 24, -1, 13, false, 5, 1, 11, false, "",
                Double.NaN, generation(), "lsq", Map.of(), new UnfoldHistogramsSettings.ScanSettings(false, 1e-3, 1e3, 30),
                0.5, 0.5, "t", "");
        e = assertThrows(InvalidSettingsException.class, () -> new UnfoldStep(CATALOG, s).run(ctx));
        assertEquals("proxy", e.key());
        assertTrue(e.getMessage().contains("'no_such'") && e.getMessage().contains("[t, p]"), e.getMessage());
        UnfoldSettings m = settings("mc", generation(), 0.5, 0.5);
        UnfoldSettings other = new UnfoldSettings("mc", "mc", "p", "", "t", 24, -1, 13, false, 5, 1, 11, false, "",
                Double.NaN, generation(), "nope", Map.of(), m.scan(), 0.5, 0.5, "t", "");
        e = assertThrows(InvalidSettingsException.class, () -> new UnfoldStep(CATALOG, other).run(ctx));
        assertEquals("method", e.key());
        assertTrue(e.getMessage().contains("lsq"), e.getMessage());
    }

    @Test
    void generationFractionsAndReweighting() {
        GenerationSpectrum g = new GenerationSpectrum(2, 14, 18, true);
        double[] f = g.fractions(Binning.linear(4, 14, 18));
        assertEquals(0.9 / (1 - 1e-4), f[0], 1e-12); // ∫E^-2 over one decade / four decades
        assertEquals(0.09 / (1 - 1e-4), f[1], 1e-12);
        assertEquals(1.0, g.reweight(14, 2.7), 0);
        assertEquals(Math.pow(10, -0.7), g.reweight(15, 2.7), 1e-12);
        // reweighted fractions: Σ_bins = mean weight over the generation spectrum
        double[] rf = g.reweightedFractions(Binning.linear(400, 14, 18), 2.7);
        double sum = 0, direct = 0;
        for (double v : rf) {
            sum += v;
        }
        Binning fine = Binning.linear(4000, 14, 18);
        double[] ff = g.fractions(fine);
        for (int j = 0; j < ff.length; j++) {
            direct += ff[j] * g.reweight(fine.centre(j), 2.7);
        }
        assertEquals(direct, sum, 1e-3 * direct);
    }

    @Test
    void kcdcEstimatorMatchesThePublishedRelation() {
        assertEquals(10.83 + 0.347 * 5 + 0.609 * 4.5, EventProxy.kcdcEstimator(5, 4.5, 0), 1e-12);
        assertEquals(10.83 + 0.347 * 5 + 0.609 * 4.5 + 1.29 * (Math.sqrt(2) - 1), EventProxy.kcdcEstimator(5, 4.5, 45),
                1e-12);
    }
}
