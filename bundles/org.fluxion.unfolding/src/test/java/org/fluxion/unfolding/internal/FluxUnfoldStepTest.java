package org.fluxion.unfolding.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.testsupport.FakeStepContext;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxUnfoldStepTest {
    /** The llh unfolder as the catalog would offer it (its DS provider is internal to its bundle). */
    static final class LlhProvider implements UnfolderProvider<LlhSettings> {
        @Override
        public UnfolderDescriptor<LlhSettings> descriptor() {
            return new UnfolderDescriptor<>("llh", "llh", "test", LlhSettings.class);
        }

        @Override
        public Unfolder create(LlhSettings settings) {
            return LikelihoodUnfolder.of(settings);
        }
    }

    static UnfolderCatalog catalog() {
        RegisteredUnfolder ru = new RegisteredUnfolder(new LlhProvider(), "llh", 0, 1, "", "");
        return new UnfolderCatalog() {
            @Override
            public List<RegisteredUnfolder> all() {
                return List.of(ru);
            }

            @Override
            public RegisteredUnfolder resolve(String id) {
                return id.equals("llh") ? ru : null;
            }
        };
    }

    static final double W = 2e-3; // Hz per MC event (toy)

    /** Toy MC: L ~ L^-2.5 on [600, 9000] m, reco = L e^{0.12 N}, weight W (L/1000)^-0.5 Hz, an alternative model. */
    static EventTable toyMc(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n], p = new double[n], w = new double[n], alt = new double[n];
        for (int k = 0; k < n; k++) {
            double u = r.nextDouble();
            double a = Math.pow(600, -1.5), b = Math.pow(9000, -1.5);
            t[k] = Math.pow(a + u * (b - a), -1 / 1.5);
            p[k] = t[k] * Math.exp(0.12 * r.nextGaussian());
            w[k] = W * Math.pow(t[k] / 1000, -0.5) / 3;
            alt[k] = w[k] * Math.pow(t[k] / 2000, -0.1);
        }
        return EventTable.builder("mc").add(Column.ofDoubles("true_length", "m", t))
                .add(Column.ofDoubles("reco_length", "m", p)).add(Column.ofDoubles("weight", "Hz", w))
                .add(Column.ofDoubles("GaisserH4aWeight", "Hz", alt)).attribute("data_type", "MC")
                .attribute("weight_column", "GaisserH3aWeight").build();
    }

    static EventTable toyData(int n, long seed, double livetime) {
        EventTable mc = toyMc(n, seed);
        return EventTable.builder("data").add(Column.ofDoubles("reco_length", "m", mc.column("reco_length").toDoubleArray()))
                .attribute("data_type", "data").attribute("livetime_s", livetime).build();
    }

    static UnfoldFluxSettings settings(Map<String, Object> over) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", "range");
        m.put("min", 1000.0);
        m.put("max", 5000.0);
        m.put("bins", 6L);
        m.put("log", true);
        m.put("proxy_bins", 12L);
        m.put("reg", 100.0);
        m.put("n_used_steps", 0L);
        m.put("sim_livetime_s", 20.0);
        m.putAll(over);
        try {
            return SettingsBinder.bindPlain(UnfoldFluxSettings.class, m, "test", "unfold_flux");
        } catch (org.fluxion.core.ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static FakeStepContext run(UnfoldFluxSettings s, int threads, SampleSet samples, EffectiveArea area) throws Exception {
        FakeStepContext ctx = new FakeStepContext(threads);
        ctx.input(UnfoldFluxStepProvider.SAMPLES, samples);
        if (area != null) {
            ctx.input(UnfoldFluxStepProvider.EFFECTIVE_AREA, area);
        }
        new FluxUnfoldStep(catalog(), s).run(ctx);
        return ctx;
    }

    static SampleSet samples() {
        return SampleSet.of(List.of(toyMc(40_000, 1), toyData(20_000, 2, 100)));
    }

    static EffectiveArea flatArea(Binning tb) {
        int n = tb.bins();
        double[] a = new double[n], lo = new double[n], hi = new double[n];
        java.util.Arrays.fill(a, 1.0);
        java.util.Arrays.fill(hi, 1.0);
        return EffectiveArea.of("propagation_length", "m", tb, a, new double[n], null, lo, hi);
    }

    /** Closure: is_sim unfolds the test split; the pseudo-experiments' pulls are N(0, 1) and cover 68 %. */
    @Test
    void closureAndPulls() throws Exception {
        FakeStepContext ctx = run(settings(Map.of("is_sim", true, "evaluate", true, "n_pseudo_experiments", 150L)), 2,
                samples(), null);
        Map<String, ?> ev = ctx.summaries.get("evaluation");
        double mean = ((Number) ev.get("pull_mean")).doubleValue(), width = ((Number) ev.get("pull_width")).doubleValue();
        double cover = ((Number) ev.get("coverage_68_mean")).doubleValue();
        // 150 toys x 6 bins (correlated): mean within ~0.15, width within ~15 %, coverage within ~0.08
        assertTrue(Math.abs(mean) < 0.15, "pull mean " + mean);
        assertTrue(Math.abs(width - 1) < 0.15, "pull width " + width);
        assertTrue(Math.abs(cover - 0.683) < 0.08, "coverage " + cover);
        double chi2 = ((Number) ev.get("chi2_test_split_full_covariance")).doubleValue();
        assertTrue(chi2 < 6 + 4 * Math.sqrt(12), "chi2 of the unfolded test split to its truth " + chi2);
        Spectrum unfolded = (Spectrum) ctx.outputs.get(UnfoldFluxStepProvider.UNFOLDED);
        assertEquals(6, unfolded.binning().bins());
        assertTrue(ctx.plots.containsKey("evaluation_pulls") && ctx.plots.containsKey("response")
                && ctx.plots.containsKey("unfolded") && ctx.plots.containsKey("correlation"), ctx.plots.keySet().toString());
        assertTrue(!ctx.outputs.containsKey(UnfoldFluxStepProvider.FLUX), "no flux without an effective area");
    }

    /** The response replicas add the training sample's MC statistics: variances grow, the rest is unchanged. */
    @Test
    void responseReplicasAddTheMcStatistics() throws Exception {
        Spectrum without = (Spectrum) run(settings(Map.of("is_sim", true, "response_replicas", 0L)), 1, samples(), null)
                .outputs.get(UnfoldFluxStepProvider.UNFOLDED);
        Spectrum with = (Spectrum) run(settings(Map.of("is_sim", true, "response_replicas", 40L)), 1, samples(), null)
                .outputs.get(UnfoldFluxStepProvider.UNFOLDED);
        assertArrayEquals(without.values(), with.values(), 0.0);
        double[][] a = without.covariance(), b = with.covariance();
        boolean grew = false;
        for (int j = 0; j < a.length; j++) {
            assertTrue(b[j][j] >= a[j][j], "bin " + j + ": variance " + b[j][j] + " < " + a[j][j]);
            grew |= b[j][j] > 1.01 * a[j][j];
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[j][k], b[k][j], 1e-12 * Math.sqrt(b[j][j] * b[k][k]));
            }
        }
        assertTrue(grew, "the MC statistics of a small training sample must show");
    }

    /** With an effective area, the flux of the unfolded pseudo-data agrees with the injected truth's flux. */
    @Test
    void fluxOfPseudoDataMatchesTruth() throws Exception {
        UnfoldFluxSettings s = settings(Map.of("is_sim", true, "plot_results", true));
        Binning tb = Binning.log10(6, 1000, 5000);
        FakeStepContext ctx = run(s, 1, samples(), flatArea(tb));
        Spectrum flux = (Spectrum) ctx.outputs.get(UnfoldFluxStepProvider.FLUX);
        assertNotNull(flux);
        TableArtifact t = ctx.tables.get("flux_bins");
        int col = t.headers().stream().map(TableArtifact.Header::name).toList().indexOf("flux_truth");
        double[] truth = new double[6];
        for (int j = 0; j < 6; j++) {
            truth[j] = ((Number) t.rows().get(j).get(col)).doubleValue();
        }
        double chi2 = Chi2.of(flux.values(), truth, flux.covariance());
        assertTrue(chi2 < 6 + 4 * Math.sqrt(12), "chi2 flux vs truth " + chi2);
        assertTrue(ctx.plots.containsKey("flux"));
    }

    @Test
    void plotResultsWithoutEffectiveAreaFailsClearly() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> run(settings(Map.of("plot_results", true)), 1, samples(), null));
        assertTrue(e.getMessage().contains("effective_area"), e.getMessage());
    }

    /** A scalar reg binds as the total τ, a list of one value per bin as bin-wise; other lengths are refused. */
    @Test
    void totalAndBinwiseRegularisation() throws Exception {
        assertEquals(List.of(0.5), settings(Map.of("reg", 0.5)).reg());
        List<Double> bw = List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0);
        UnfoldFluxSettings s = settings(Map.of("reg", bw));
        assertEquals(bw, s.reg());
        FakeStepContext ctx = run(s, 1, samples(), null);
        double reg = ((Number) ctx.summaries.get("diagnostics").get("regularisation")).doubleValue();
        assertEquals(Math.pow(2, 2.5), reg, 1e-9, "the llh unfolder got the bin-wise list (geometric mean 2^2.5)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("reg", List.of(1.0, 2.0))));
        assertTrue(e.getMessage().contains("reg") && e.getMessage().contains("6"), e.getMessage());
        // the scan keeps the bin-wise shape and replaces the geometric mean
        List<Double> scaled = FluxUnfoldStep.scaledTau(bw, 10);
        assertEquals(10 * 1.0 / Math.pow(2, 2.5), scaled.get(0), 1e-12);
        assertEquals(List.of(3.0), FluxUnfoldStep.scaledTau(List.of(7.0), 3));
    }

    /** Writes a table as the run folder does (core's ArtifactWriter CSV). */
    static void writeCsv(Path file, TableArtifact t) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.headers().size(); i++) {
            sb.append(i > 0 ? "," : "").append(cell(t.headers().get(i).title()));
        }
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                sb.append(i > 0 ? "," : "").append(v instanceof String s ? cell(s) : String.valueOf(v));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    private static String cell(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Reload: identical artifacts from the saved state; refused, naming what changed, when inputs or settings differ. */
    @Test
    void reloadAndFingerprintRefusal(@TempDir Path dir) throws Exception {
        Map<String, Object> over = new HashMap<>(Map.of("optimize", true, "n_steps", 6L, "n_used_steps", 40L, "n_walkers",
                20L, "n_burn_steps", 20L, "include_systematics", true, "plot_systematics", true, "plot_results", true));
        Binning tb = Binning.log10(6, 1000, 5000);
        FakeStepContext first = run(settings(over), 2, samples(), flatArea(tb));
        writeCsv(dir.resolve(SavedState.NAME + ".csv"), first.tables.get(SavedState.NAME));
        over.put("load", true);
        FakeStepContext again = new FakeStepContext(1);
        again.previous = dir;
        again.input(UnfoldFluxStepProvider.SAMPLES, samples()).input(UnfoldFluxStepProvider.EFFECTIVE_AREA, flatArea(tb));
        new FluxUnfoldStep(catalog(), settings(over)).run(again);
        assertEquals(first.tables, again.tables);
        assertEquals(first.summaries.keySet(), again.summaries.keySet());
        for (String k : first.summaries.keySet()) {
            assertEquals(first.summaries.get(k).toString(), again.summaries.get(k).toString(), k);
        }
        assertEquals(first.plots, again.plots);
        assertEquals(first.outputs, again.outputs);
        assertTrue(first.plots.containsKey("scan") && first.plots.containsKey("mcmc_trace")
                && first.plots.containsKey("posterior_bin_0") && first.plots.containsKey("nuisance_parameters"),
                first.plots.keySet().toString());

        over.put("proxy_bins", 10L);
        FakeStepContext changed = new FakeStepContext(1);
        changed.previous = dir;
        changed.input(UnfoldFluxStepProvider.SAMPLES, SampleSet.of(List.of(toyMc(40_000, 1), toyData(20_000, 3, 100))))
                .input(UnfoldFluxStepProvider.EFFECTIVE_AREA, flatArea(tb));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new FluxUnfoldStep(catalog(), settings(over)).run(changed));
        assertTrue(e.getMessage().contains("proxy_bins: 12 -> 10") && e.getMessage().contains("data_column_reco_length"),
                e.getMessage());
        FakeStepContext none = new FakeStepContext(1);
        none.input(UnfoldFluxStepProvider.SAMPLES, samples()).input(UnfoldFluxStepProvider.EFFECTIVE_AREA, flatArea(tb));
        e = assertThrows(InvalidSettingsException.class, () -> new FluxUnfoldStep(catalog(), settings(over)).run(none));
        assertTrue(e.getMessage().contains("load: false"), e.getMessage());
    }

    /** Same seed: bit-identical state for 1 and 4 threads (MCMC, scan, pseudo-experiments). */
    @Test
    void sameResultForAnyThreadCount() throws Exception {
        UnfoldFluxSettings s = settings(Map.of("is_sim", true, "evaluate", true, "n_pseudo_experiments", 12L,
                "n_used_steps", 30L, "n_walkers", 20L, "n_burn_steps", 20L, "optimize", true, "n_steps", 4L));
        FakeStepContext a = run(s, 1, samples(), null), b = run(s, 4, samples(), null);
        assertEquals(a.tables.get(SavedState.NAME), b.tables.get(SavedState.NAME));
        assertArrayEquals(((Spectrum) a.outputs.get("unfolded")).values(), ((Spectrum) b.outputs.get("unfolded")).values());
    }
}
