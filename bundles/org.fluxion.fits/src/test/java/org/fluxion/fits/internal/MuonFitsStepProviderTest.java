package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.fits.FitResult;
import org.fluxion.synth.StoppingMuonSamples;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuonFitsStepProviderTest {
    @TempDir
    Path dir;

    static MuonFitsSettings settings(boolean range, boolean energy, String table, RangeModel model, boolean straggling) {
        return settings(range, energy, table, model, straggling, false);
    }

    static MuonFitsSettings settings(boolean range, boolean energy, String table, RangeModel model, boolean straggling,
            boolean normalisationFromEnergy) {
        return new MuonFitsSettings(range, energy, table, "total", model, Double.NaN, Double.NaN, normalisationFromEnergy,
                Double.NaN, 0.25, 3.5e-4, 3.7, 0.917, 1000, straggling, true, 6, 12);
    }

    /** Runs both fits on the expected synthetic true-sky fluxes (with straggling) plus seeded noise. */
    static FakeStepContext runOnSyntheticSky(Path table, boolean straggling) throws Exception {
        return runOnSyntheticSky(table, straggling, false);
    }

    static FakeStepContext runOnSyntheticSky(Path table, boolean straggling, boolean normalisationFromEnergy)
            throws Exception {
        EffectiveArea ra = SyntheticInputs.rangeArea(SyntheticInputs.RANGE);
        EffectiveArea ea = SyntheticInputs.energyArea(SyntheticInputs.ENERGY);
        int[] all = java.util.stream.IntStream.range(0, SyntheticInputs.RANGE.bins()).toArray();
        double[] rmu = RangeFitRun.geometry(SyntheticInputs.RANGE, ra, all, 0.917, true, 8).binAverages(SyntheticTruth.SKY,
                SyntheticTruth.A, SyntheticTruth.B);
        double[][] rv = SyntheticInputs.covariance(rmu, 0.02, 0.3);
        SkyAverage avg = new SkyAverage(12);
        double[] emu = new double[SyntheticInputs.ENERGY.bins()];
        for (int i = 0; i < emu.length; i++) {
            emu[i] = avg.binAndBand(SyntheticTruth.SKY, SyntheticInputs.ENERGY.edge(i), SyntheticInputs.ENERGY.edge(i + 1),
                    SyntheticInputs.COS_MAX_ZENITH, 1);
        }
        double[][] ev = SyntheticInputs.covariance(emu, 0.05, 0.3);
        SplittableRandom rnd = new SplittableRandom(11);
        FakeStepContext ctx = new FakeStepContext(1)
                .input(MuonFitsStepProvider.RANGE_FLUX, Spectrum.of(SyntheticInputs.RANGE, SyntheticInputs.noisy(rmu, rv, rnd),
                        rv, "m-2 s-1 sr-1 m-1"))
                .input(MuonFitsStepProvider.RANGE_AREA, ra)
                .input(MuonFitsStepProvider.ENERGY_FLUX, Spectrum.of(SyntheticInputs.ENERGY,
                        SyntheticInputs.noisy(emu, ev, rnd), ev, "m-2 s-1 sr-1 GeV-1"))
                .input(MuonFitsStepProvider.ENERGY_AREA, ea);
        new MuonFitsStepProvider().create(settings(true, true, table.toString(), RangeModel.AUTO, straggling,
                normalisationFromEnergy)).run(ctx);
        return ctx;
    }

    @Test
    void normalisationFromTheEnergyFluxConstrainsA() throws Exception {
        Path table = dir.resolve("stopping_muons_mceq.csv");
        StoppingMuonSamples.writeTheoryTable(table);
        FakeStepContext ctx = runOnSyntheticSky(table, true, true);
        Map<String, ?> norm = ctx.summaries.get("theory_normalisation");
        double k = (double) norm.get("normalisation"), dk = (double) norm.get("normalisation_error");
        // the true sky is 0.92 x the table's conventional flux x (E/TeV)^-0.04 (the prompt part is negligible here)
        assertEquals(0.92, k, 3 * dk + 0.03);
        FitResult range = (FitResult) ctx.outputs.get(MuonFitsStepProvider.RANGE_FIT);
        assertEquals(java.util.List.of("a", "b"), range.names());
        FitResult free = (FitResult) runOnSyntheticSky(table, true, false).outputs.get(MuonFitsStepProvider.RANGE_FIT);
        assertTrue(range.error("a") < 0.2 * free.error("a"), range.error("a") + " vs free " + free.error("a"));
        assertEquals(SyntheticTruth.A, range.value("a"), 3 * range.error("a") + 0.05 * SyntheticTruth.A);
        // the fixed normalisation's own error is propagated by refitting at k ± dk
        Map<String, ?> sm = ctx.summaries.get("range_fit_summary");
        double da = (double) sm.get("a_error_normalisation"), total = (double) sm.get("a_error_total");
        assertTrue(da > 0 && total > range.error("a") && total <= range.error("a") + da + 1e-15, sm.toString());
    }

    @Test
    void fitsTheSyntheticSkyAndWritesEveryArtifact() throws Exception {
        Path table = dir.resolve("stopping_muons_mceq.csv");
        StoppingMuonSamples.writeTheoryTable(table);
        FakeStepContext ctx = runOnSyntheticSky(table, true);
        FitResult range = (FitResult) ctx.outputs.get(MuonFitsStepProvider.RANGE_FIT);
        FitResult energy = (FitResult) ctx.outputs.get(MuonFitsStepProvider.ENERGY_FIT);
        System.out.println(range + "\n" + energy + "\n" + ctx.summaries);
        assertEquals(java.util.List.of("a", "b", "normalisation"), range.names());
        assertEquals(java.util.List.of("phi0", "gamma"), energy.names());
        RangeFitTest.assertCovarianceSymmetricPositiveDefinite(range.covariance());
        // straggling folded in, theory shape H3a vs the true sky's (E/TeV)^-0.04: within 3 sigma of the truth
        assertEquals(SyntheticTruth.A, range.value("a"), 3 * range.error("a"));
        assertEquals(SyntheticTruth.B, range.value("b"), 3 * range.error("b"));
        double injected = (double) ctx.summaries.get("energy_fit_summary").get("injected_effective_gamma");
        assertEquals(injected, energy.value("gamma"), 3 * energy.error("gamma"));
        for (String p : new String[] { "range_fit", "range_fit_contour", "energy_fit" }) {
            assertTrue(ctx.plots.containsKey(p), p);
        }
        for (String t : new String[] { "range_fit_parameters", "range_fit_covariance", "range_fit_points",
                "range_fit_contour_points", "energy_fit_parameters", "energy_fit_covariance", "energy_fit_points" }) {
            assertTrue(ctx.tables.containsKey(t), t);
        }
        assertTrue(ctx.warnings.isEmpty(), ctx.warnings.toString());
    }

    @Test
    void flagsNeedTheirInputsAndPowerLawNeedsPhi0() {
        FakeStepContext ctx = new FakeStepContext(1);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new MuonFitsStepProvider().create(settings(true, false, "", RangeModel.AUTO, false)).run(ctx));
        assertTrue(e.getMessage().contains("range_flux"), e.getMessage());
        ctx.input(MuonFitsStepProvider.RANGE_FLUX, "x").input(MuonFitsStepProvider.RANGE_AREA, "y");
        e = assertThrows(InvalidSettingsException.class,
                () -> new MuonFitsStepProvider().create(settings(true, false, "", RangeModel.AUTO, false)).run(ctx));
        assertTrue(e.getMessage().contains("phi0"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> settings(true, false, "", RangeModel.THEORY, false));
    }
}
