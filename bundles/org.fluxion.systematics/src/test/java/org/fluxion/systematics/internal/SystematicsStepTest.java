package org.fluxion.systematics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.effarea.EffectiveAreaEstimator;
import org.fluxion.effarea.EffectiveAreaSpec;
import org.fluxion.systematics.SystematicBand;
import org.fluxion.testsupport.FakeStepContext;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;
import org.junit.jupiter.api.Test;

/**
 * The {@code systematics} step on the SMALL synthetic stopping-muon samples (a uniform detector)
 * with the real llh unfolder, the effective area from {@link EffectiveAreaEstimator} and sectors
 * upper/lower by the reconstructed stopping depth.
 */
class SystematicsStepTest {
    private static final double MIN = 1500, MAX = 12000;
    private static final int BINS = 8;

    static Map<String, Map<String, Object>> upperLower(boolean seedStyle) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        if (seedStyle) {
            m.put("upper", Map.of("reco_stop_z", List.of(0, 500)));
            m.put("lower", Map.of("reco_stop_z", List.of(-500, 0)));
        } else {
            m.put("upper", Map.of("reco_stop_z", Map.of(">=", 0)));
            m.put("lower", Map.of("reco_stop_z", Map.of("<", 0)));
        }
        return m;
    }

    static SystematicsSettings settings(Map<String, Map<String, Object>> sectors, boolean area, boolean dataBased) {
        return new SystematicsSettings("range", sectors, area, dataBased, "", "", "mc", "data", MIN, MAX, BINS, true, 16,
                Double.NaN, Double.NaN, null, "", "llh", List.of(1.0), Map.of(), 0.05);
    }

    /** The step's inputs: samples, the full effective area, the full unfolding and its flux, made as the upstream steps do. */
    static FakeStepContext context(SystematicsSettings s, EventTable data, int threads) {
        Map<String, EventTable> t = SyntheticSamples.get();
        EventTable mc = t.get("mc");
        Binning tb = s.trueBinning();
        EffectiveArea area = EffectiveAreaEstimator.estimate(t.get("mc_l0"), mc,
                EffectiveAreaSpec.propagationLength(tb, 85), 0, 1, 1);
        LlhSettings llh;
        try {
            llh = SettingsBinder.bindPlain(LlhSettings.class, s.unfolderSettings(), "test", "llh");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Spectrum unfolded = SectorUnfolding.unfold("all", LikelihoodUnfolder.of(llh), SectorUnfolding.problem("all",
                s.proxyBinning(), tb, mc.column("reco_length").toDoubleArray(), mc.column("true_length").toDoubleArray(),
                mc.column("weight").toDoubleArray(), Selection.all(mc.rowCount()),
                data.column("reco_length").toDoubleArray(), Selection.all(data.rowCount())),
                UnfoldingContext.of(42)).estimate();
        Spectrum flux = FluxNormalisation.flux(unfolded, area, data.numberAttribute("livetime_s", Double.NaN),
                s.fluxUnit());
        return new FakeStepContext(threads).input(SystematicsStepProvider.SAMPLES, SampleSet.of(List.of(mc, data)))
                .input(SystematicsStepProvider.EFFECTIVE_AREA, area).input(SystematicsStepProvider.UNFOLDED, unfolded)
                .input(SystematicsStepProvider.FLUX, flux);
    }

    static FakeStepContext run(SystematicsSettings s, EventTable data, int threads) throws Exception {
        FakeStepContext ctx = context(s, data, threads);
        new SystematicsStepProvider(new LlhCatalog()).create(s).run(ctx);
        return ctx;
    }

    @Test
    void uniformDetectorGivesRatiosConsistentWithOne() throws Exception {
        EventTable data = SyntheticSamples.get().get("data");
        FakeStepContext ctx = run(settings(upperLower(false), true, true), data, 1);
        System.out.println("partition: " + ctx.summaries.get("partition"));
        System.out.println("systematics: " + ctx.summaries.get("systematics"));
        System.out.println("warnings: " + ctx.warnings);
        if (Boolean.getBoolean("dump")) {
            for (var e : ctx.tables.entrySet()) {
                System.out.println(e.getKey() + "\n" + text(e.getValue()));
            }
        }
        Map<?, ?> mcPart = (Map<?, ?>) ctx.summaries.get("partition").get("mc");
        assertEquals(true, mcPart.get("partition"));
        assertTrue(ctx.warnings.stream().noneMatch(w -> w.contains("partition")), ctx.warnings.toString());
        Map<?, ?> consistency = (Map<?, ?>) ctx.summaries.get("systematics").get("ratio_consistency");
        for (Object o : consistency.values()) {
            Map<?, ?> one = (Map<?, ?>) o;
            double chi2 = ((Number) one.get("chi2_ratio_1")).doubleValue();
            int bins = ((Number) one.get("bins")).intValue();
            assertTrue(bins >= BINS - 1, "bins with a ratio: " + bins); // the lower sector cannot see L < 1950 m
            // chi2 with 8 degrees of freedom: p = 0.001 at 26.1
            assertTrue(chi2 < 26.1, "ratio to 1: chi2 " + chi2 + " / " + bins);
            assertTrue(chi2 > 0.5, "ratio to 1: chi2 " + chi2 + " / " + bins + " is implausibly small");
        }
        SystematicBand band = (SystematicBand) ctx.outputs.get(SystematicsStepProvider.BAND);
        assertEquals(BINS, band.binning().bins());
        for (String name : List.of("sector_partition", "sector_effective_area_bins", "sector_ratio_bins", "systematics_bins")) {
            assertTrue(ctx.tables.containsKey(name), name);
        }
        for (String name : List.of("sector_effective_areas", "sector_fluxes", "sector_flux_ratios", "systematics_per_bin")) {
            assertTrue(ctx.plots.containsKey(name), name);
        }
    }

    @Test
    void seedStyleSectorsReportTheEventsOutsideTheDetectorHalves() throws Exception {
        EventTable data = SyntheticSamples.get().get("data");
        FakeStepContext ctx = run(settings(upperLower(true), true, false), data, 1);
        Map<?, ?> mcPart = (Map<?, ?>) ctx.summaries.get("partition").get("mc");
        int missed = ((Number) mcPart.get("events_in_no_sector")).intValue();
        assertTrue(missed > 0, "reconstructed stopping points beyond |z| = 500 m: " + mcPart);
        // reconstructed stopping points outside |z| <= 500 m (mostly through-going and badly reconstructed muons)
        assertTrue(((Number) mcPart.get("fraction_in_no_sector")).doubleValue() < 0.25, mcPart.toString());
        assertTrue(ctx.warnings.stream().anyMatch(w -> w.contains("do not partition sample 'mc'") && w.contains(
                missed + " of 10000")), ctx.warnings.toString());
        assertFalse(ctx.outputs.containsKey(SystematicsStepProvider.BAND), "no band without data_based");
        assertTrue(ctx.plots.containsKey("sector_effective_areas"));
    }

    @Test
    void identicalSectorsGiveRatioOneAndNoBand() throws Exception {
        Map<String, Map<String, Object>> same = new LinkedHashMap<>();
        same.put("a", Map.of("reco_stop_z", Map.of(">", -1e9)));
        same.put("b", Map.of("reco_stop_z", Map.of(">", -1e9)));
        FakeStepContext ctx = run(settings(same, true, true), SyntheticSamples.get().get("data"), 1);
        SystematicBand band = (SystematicBand) ctx.outputs.get(SystematicsStepProvider.BAND);
        for (int i = 0; i < BINS; i++) {
            assertEquals(0, band.relative(i), 1e-12, "bin " + i);
        }
        Map<?, ?> mcPart = (Map<?, ?>) ctx.summaries.get("partition").get("mc");
        assertEquals(10000, ((Number) mcPart.get("events_in_several_sectors")).intValue());
        assertTrue(ctx.warnings.stream().anyMatch(w -> w.contains("10000 (100 %) in more than one")), ctx.warnings.toString());
        for (List<Object> row : ctx.tables.get("sector_ratio_bins").rows()) {
            for (String col : List.of("ratio_a", "ratio_b")) {
                int k = column(ctx.tables.get("sector_ratio_bins"), col);
                assertEquals(1.0, (Double) row.get(k), 1e-12, col);
            }
        }
    }

    @Test
    void sectorDependentLossOfDataIsDetected() throws Exception {
        // half of the data events stopping in the upper half are lost (a dead region, say); the MC does not know
        EventTable data = SyntheticSamples.get().get("data");
        double[] z = data.column("reco_stop_z").toDoubleArray();
        SplittableRandom rng = new SplittableRandom(7);
        boolean[] keep = new boolean[z.length];
        for (int k = 0; k < z.length; k++) {
            keep[k] = !(z[k] >= 0 && rng.nextDouble() < 0.5);
        }
        EventTable distorted = data.select(Selection.ofMask(keep));
        FakeStepContext ctx = run(settings(upperLower(false), true, true), distorted, 1);
        SystematicBand band = (SystematicBand) ctx.outputs.get(SystematicsStepProvider.BAND);
        FakeStepContext nominal = run(settings(upperLower(false), true, true), data, 1);
        SystematicBand nominalBand = (SystematicBand) nominal.outputs.get(SystematicsStepProvider.BAND);
        // expected where both sectors see muons: upper 0.5 / (0.5 p + 1 - p) with p = 0.64 the upper share of the
        // data, about 0.74, lower about 1.5
        double mean = 0, meanNominal = 0;
        for (int i = 1; i < 5; i++) {
            mean += band.relative(i) / 4;
            meanNominal += nominalBand.relative(i) / 4;
        }
        double chi2 = chi2(ctx), chi2Nominal = chi2(nominal);
        System.out.println("band distorted " + java.util.Arrays.toString(band.relative()) + " nominal "
                + java.util.Arrays.toString(nominalBand.relative()) + "; chi2 " + chi2 + " nominal " + chi2Nominal);
        assertTrue(mean > 0.2 && mean > meanNominal + 0.1, "mean band of bins 1-4 " + mean + " vs nominal " + meanNominal);
        assertTrue(chi2 > 2 * 26.1 && chi2 > chi2Nominal + 26.1, "chi2 of both sectors " + chi2 + " vs nominal "
                + chi2Nominal);
    }

    /** @return the sum over sectors of chi2(R = 1) */
    static double chi2(FakeStepContext ctx) {
        double c = 0;
        for (Object o : ((Map<?, ?>) ctx.summaries.get("systematics").get("ratio_consistency")).values()) {
            c += ((Number) ((Map<?, ?>) o).get("chi2_ratio_1")).doubleValue();
        }
        return c;
    }

    @Test
    void deterministicForAnyThreadCount() throws Exception {
        EventTable data = SyntheticSamples.get().get("data");
        FakeStepContext one = run(settings(upperLower(false), true, true), data, 1);
        FakeStepContext two = run(settings(upperLower(false), true, true), data, 2);
        assertEquals(one.outputs.get(SystematicsStepProvider.BAND), two.outputs.get(SystematicsStepProvider.BAND));
        assertEquals(one.tables, two.tables);
        assertEquals(one.summaries, two.summaries);
    }

    @Test
    void sectorEffectiveAreaIsTheFullFormulaWithTheNumeratorRestrictedToTheSector() {
        Map<String, EventTable> t = SyntheticSamples.get();
        EventTable mc = t.get("mc");
        SystematicsSettings s = settings(upperLower(false), true, false);
        Binning tb = s.trueBinning();
        EffectiveAreaSpec spec = EffectiveAreaSpec.propagationLength(tb, 85);
        EffectiveArea full = EffectiveAreaEstimator.estimate(t.get("mc_l0"), mc, spec, 0, 1, 1);
        SectorSelections sel = SectorSelections.of(s.sectors(), mc);
        double[] truth = mc.column("true_length").toDoubleArray(), w = mc.column("weight").toDoubleArray();
        WeightedCounts all = WeightedCounts.fill(truth, w, Selection.all(mc.rowCount()), tb);
        for (String name : sel.names()) {
            EventTable sectorMc = mc.select(sel.rows(name));
            EffectiveArea direct = EffectiveAreaEstimator.estimate(t.get("mc_l0"), sectorMc, spec, 0, 1, 1);
            SectorEffectiveArea derived = SectorEffectiveArea.of(name, full, all,
                    WeightedCounts.fill(truth, w, sel.rows(name), tb));
            for (int i = 0; i < tb.bins(); i++) {
                assertEquals(direct.areaM2(i), derived.area().areaM2(i), 1e-9 * direct.areaM2(i), name + " bin " + i);
                // analytic errors of the estimator (delta method of fixed-size resampling): the same terms
                assertEquals(direct.statErrorM2()[i], derived.area().statErrorM2()[i], 0.02 * direct.statErrorM2()[i],
                        name + " bin " + i);
            }
            assertArrayEquals(full.solidAngleSr(), derived.area().solidAngleSr(), 0);
        }
    }

    @Test
    void badSectorColumnIsNamed() {
        Map<String, Map<String, Object>> bad = Map.of("upper", Map.of("reco_stop_q", List.of(0, 500)));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> run(settings(bad, true, false), SyntheticSamples.get().get("data"), 1));
        assertEquals("sectors", e.key());
        assertTrue(e.getMessage().contains("reco_stop_q") && e.getMessage().contains("upper"), e.getMessage());
    }

    static int column(org.fluxion.api.artifact.TableArtifact t, String name) {
        for (int k = 0; k < t.headers().size(); k++) {
            if (t.headers().get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** A table as fixed-width text, for -Ddump=true runs. */
    static String text(org.fluxion.api.artifact.TableArtifact t) {
        StringBuilder b = new StringBuilder();
        for (org.fluxion.api.artifact.TableArtifact.Header h : t.headers()) {
            b.append(String.format("%14.14s ", h.name()));
        }
        b.append('\n');
        for (List<Object> r : t.rows()) {
            for (Object o : r) {
                b.append(o instanceof Double d ? String.format(java.util.Locale.ROOT, "%14.5g ", d)
                        : String.format("%14.14s ", o));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
