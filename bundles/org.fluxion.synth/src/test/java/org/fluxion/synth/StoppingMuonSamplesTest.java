package org.fluxion.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fluxion.synth.internal.StoppingMuonColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;

class StoppingMuonSamplesTest {
    private static final long SEED = 7L;
    @TempDir
    static Path dir;
    static StoppingMuonSamples.Files files;
    static Map<String, double[]> l0, mc, data;
    static double livetime;
    static long mcGenerated;

    @BeforeAll
    static void generate() throws IOException {
        files = StoppingMuonSamples.write(dir.resolve("a"), SEED, StoppingMuonSamples.Size.SMALL, 2);
        l0 = readFlat(files.mcL0(), StoppingMuonSamples.MC_L0);
        mc = readFlat(files.mc(), StoppingMuonSamples.MC);
        data = readFlat(files.data(), StoppingMuonSamples.DATA);
        try (HdfFile f = new HdfFile(files.data())) {
            livetime = (Double) f.getByPath("data").getAttribute("livetime_s").getData();
        }
        try (HdfFile f = new HdfFile(files.mc())) {
            mcGenerated = (Long) f.getByPath("mc").getAttribute("n_generated").getData();
        }
    }

    /** All columns of a flat-layout group as doubles. */
    static Map<String, double[]> readFlat(Path file, String group) throws IOException {
        Map<String, double[]> m = new java.util.TreeMap<>();
        try (HdfFile f = new HdfFile(file)) {
            for (Node n : ((io.jhdf.api.Group) f.getChild(group)).getChildren().values()) {
                m.put(n.getName(), doubles(((io.jhdf.api.Dataset) n).getData()));
            }
        }
        return m;
    }

    static double[] doubles(Object o) {
        if (o instanceof double[] d) {
            return d;
        }
        int n = java.lang.reflect.Array.getLength(o);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = java.lang.reflect.Array.get(o, i);
            d[i] = v instanceof BigInteger b ? b.doubleValue() : ((Number) v).doubleValue();
        }
        return d;
    }

    @Test
    void flatLayoutGroupsColumnsAndMetadata() throws IOException {
        assertEquals(StoppingMuonSamples.Size.SMALL.l0Events(), l0.get("true_surface_energy").length);
        assertEquals(StoppingMuonSamples.Size.SMALL.mcEvents(), mc.get("true_surface_energy").length);
        assertEquals(files.dataEvents(), data.get("reco_zenith").length);
        assertEquals(files.mcGenerated(), mcGenerated);
        assertTrue(mcGenerated > StoppingMuonSamples.Size.SMALL.mcEvents());
        for (var m : List.of(l0, mc, data)) {
            int n = m.values().iterator().next().length;
            m.forEach((k, v) -> assertEquals(n, v.length, k));
        }
        assertFalse(data.containsKey("true_surface_energy"), "data has no truth");
        assertFalse(data.containsKey("GaisserH3aWeight"), "data has no weights");
        assertFalse(l0.containsKey("reco_zenith"), "L0 has no reconstruction");
        assertEquals(Set.of("run_id", "event_id", "reco_zenith", "reco_stop_x", "reco_stop_y", "reco_stop_z",
                "reco_propagation_length", "reco_log10_energy", "stopping_score", "multiplicity", "filter_fss",
                "filter_muon"), data.keySet());
        assertEquals(StoppingMuonSamples.Size.SMALL.livetimeS(), livetime);
        try (HdfFile f = new HdfFile(files.mcL0())) {
            var g = f.getByPath("mc_l0");
            assertEquals("L0", g.getAttribute("data_level").getData());
            assertEquals("MC", g.getAttribute("data_type").getData());
            assertEquals((long) StoppingMuonSamples.Size.SMALL.l0Events(), g.getAttribute("n_generated").getData());
            assertEquals(2.0, g.getAttribute("spectral_index").getData());
            assertEquals(300.0, g.getAttribute("energy_min_gev").getData());
            assertEquals(1e5, g.getAttribute("energy_max_gev").getData());
            assertEquals(2.011e6, (Double) g.getAttribute("generation_area_m2").getData(), 1e3);
            assertEquals(5.735, (Double) g.getAttribute("generation_solid_angle_sr").getData(), 1e-3);
            assertEquals("fluxion-synth stopping-muons seed=7 size=small", g.getAttribute("generator").getData());
            assertEquals("GeV", f.getDatasetByPath("mc_l0/true_surface_energy").getAttribute("unit").getData());
            assertEquals("Hz", f.getDatasetByPath("mc_l0/GaisserH3aWeight").getAttribute("unit").getData());
        }
        try (HdfFile f = new HdfFile(files.data())) {
            assertEquals("data", f.getByPath("data").getAttribute("data_type").getData());
            assertNull(f.getByPath("data").getAttribute("n_generated"));
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void hdfwriterLayoutHoldsTheSameEvents() throws IOException {
        record Pair(Path hdf, Map<String, double[]> flat, int bit) {
        }
        for (Pair p : List.of(new Pair(files.mcL0Hdfwriter(), l0, StoppingMuonColumn.L0),
                new Pair(files.mcHdfwriter(), mc, StoppingMuonColumn.L2_MC),
                new Pair(files.dataHdfwriter(), data, StoppingMuonColumn.DATA))) {
            try (HdfFile f = new HdfFile(p.hdf())) {
                List<String> keys = new ArrayList<>();
                for (Node n : f.getChildren().values()) {
                    if (!n.getName().equals("__I3Index__")) {
                        keys.add(n.getName());
                    }
                }
                int rows = p.flat().get("run_id").length;
                for (String key : keys) {
                    Map<String, Object> t = (Map<String, Object>) f.getDatasetByPath(key).getData();
                    assertEquals(List.of("Run", "Event", "SubEvent", "SubEventStream", "exists"),
                            List.copyOf(t.keySet()).subList(0, 5), key);
                    assertArrayEquals(p.flat().get("run_id"), doubles(t.get("Run")), key);
                    assertArrayEquals(p.flat().get("event_id"), doubles(t.get("Event")), key);
                    for (double e : doubles(t.get("exists"))) {
                        assertEquals(1, e);
                    }
                    Map<String, Object> idx = (Map<String, Object>) f.getDatasetByPath("__I3Index__/" + key).getData();
                    double[] start = doubles(idx.get("start")), stop = doubles(idx.get("stop"));
                    assertEquals(rows, start.length);
                    for (int i = 0; i < rows; i += 97) {
                        assertEquals(i, start[i]);
                        assertEquals(i + 1, stop[i]);
                    }
                }
                int compared = 0;
                for (StoppingMuonColumn c : StoppingMuonColumn.values()) {
                    if (!c.in(p.bit()) || c.hdfKey().equals("I3EventHeader")) {
                        continue;
                    }
                    Map<String, Object> t = (Map<String, Object>) f.getDatasetByPath(c.hdfKey()).getData();
                    Object v = t.get(c.hdfField());
                    if (v instanceof int[][] pairs) { // FilterMask: [condition, prescale]
                        double[] cond = new double[pairs.length], pre = new double[pairs.length];
                        for (int i = 0; i < pairs.length; i++) {
                            cond[i] = pairs[i][0];
                            pre[i] = pairs[i][1];
                        }
                        assertArrayEquals(p.flat().get(c.flatName()), cond, c.name());
                        assertArrayEquals(p.flat().get(c.flatName()), pre, c.name());
                    } else {
                        assertArrayEquals(p.flat().get(c.flatName()), doubles(v), c.name());
                    }
                    compared++;
                }
                assertEquals(p.flat().size() - 2, compared, p.hdf().toString());
            }
        }
    }

    @Test
    void sameSeedGivesSameBytesWhateverTheThreadCountAndOtherSeedsDiffer() throws IOException {
        StoppingMuonSamples.Files one = StoppingMuonSamples.write(dir.resolve("one"), SEED, StoppingMuonSamples.Size.SMALL, 1);
        List<Path> a = all(files), b = all(one);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), b.get(i).toString());
        }
        StoppingMuonSamples.Files other = StoppingMuonSamples.write(dir.resolve("other"), SEED + 1,
                StoppingMuonSamples.Size.SMALL, 2);
        List<Path> c = all(other);
        for (int i = 0; i < 6; i++) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.get(i)), Files.readAllBytes(c.get(i))), c.get(i).toString());
        }
        try (var s = Files.list(dir.resolve("one"))) {
            assertEquals(7, s.count(), "no partial files left");
        }
    }

    private static List<Path> all(StoppingMuonSamples.Files f) {
        return List.of(f.mcL0(), f.mc(), f.data(), f.mcL0Hdfwriter(), f.mcHdfwriter(), f.dataHdfwriter(), f.theoryTable());
    }

    @Test
    void flatOnlyWritesTheSameFlatFilesAndNoHdfwriterFiles() throws IOException {
        Path d = dir.resolve("flat-only");
        StoppingMuonSamples.Files flat = StoppingMuonSamples.write(d, SEED, StoppingMuonSamples.Size.SMALL, 2, false);
        assertNull(flat.mcHdfwriter());
        for (String sample : List.of(StoppingMuonSamples.MC_L0, StoppingMuonSamples.MC, StoppingMuonSamples.DATA)) {
            assertArrayEquals(Files.readAllBytes(files.mc().resolveSibling(StoppingMuonSamples.flatFileName(sample))),
                    Files.readAllBytes(d.resolve(StoppingMuonSamples.flatFileName(sample))), sample);
            assertFalse(Files.exists(d.resolve(StoppingMuonSamples.hdfwriterFileName(sample))), sample);
        }
        assertArrayEquals(Files.readAllBytes(files.theoryTable()), Files.readAllBytes(flat.theoryTable()));
    }

    @Test
    void truthIsConsistentWithTheCurvedPropagationLengthAndTheCylinder() {
        for (var m : List.of(l0, mc)) {
            double[] zen = m.get("true_zenith"), l = m.get("true_propagation_length"), x = m.get("true_stop_x"),
                    y = m.get("true_stop_y"), z = m.get("true_stop_z"), cls = m.get("true_class"), ns = m.get("n_stopping"),
                    nmu = m.get("n_muons");
            for (int i = 0; i < zen.length; i++) {
                assertEquals(PropagationLength.metres(zen[i], z[i]), l[i], 1e-6 * l[i]);
                assertTrue(zen[i] <= Math.toRadians(85) + 1e-12);
                boolean inside = Math.hypot(x[i], y[i]) <= 500 && Math.abs(z[i]) <= 500;
                if (cls[i] == 0) {
                    assertTrue(inside, "single stopper stops inside the cylinder");
                }
                assertEquals(cls[i] == 2, ns[i] == 0);
                assertTrue(ns[i] <= nmu[i] && nmu[i] >= 1);
            }
        }
    }

    @Test
    void rangeStragglingIsLognormalAroundTheRangeFormula() {
        double[] e = l0.get("true_surface_energy"), l = l0.get("true_propagation_length");
        double[][] bins = { { 300, 1000 }, { 1000, 3000 }, { 3000, 10_000 }, { 10_000, 100_000 } };
        for (double[] bin : bins) {
            double s = 0, s2 = 0, sig2 = 0;
            int n = 0;
            for (int i = 0; i < e.length; i++) {
                if (e[i] >= bin[0] && e[i] < bin[1]) {
                    double x = Math.log(l[i] / MuonEnergyLoss.ICE.rangeMetres(e[i]));
                    double sigma = Math.min(0.35, Math.max(0.06, 0.10 + 0.10 * Math.log10(e[i] / 1000)));
                    s += x;
                    s2 += x * x;
                    sig2 += sigma * sigma;
                    n++;
                }
            }
            double mean = s / n, sd = Math.sqrt(s2 / n - mean * mean), expectedSd = Math.sqrt(sig2 / n);
            assertTrue(n > 500, "events in " + bin[0]);
            assertEquals(0, mean, 4 * expectedSd / Math.sqrt(n), "mean ln(L/R(E)) in " + bin[0] + ".." + bin[1]);
            assertEquals(expectedSd, sd, 0.08 * expectedSd, "spread in " + bin[0] + ".." + bin[1]);
        }
    }

    @Test
    void weightsIntegrateToTheModelFluxOverTheGenerationVolume() {
        for (MuonFluxModel model : List.of(MuonFluxModel.GAISSER_H3A, MuonFluxModel.GAISSER_H4A, MuonFluxModel.GLOBAL_FIT_GST)) {
            double[] w = l0.get(model.weightColumn()); // level 0: every thrown event
            double sum = 0, sum2 = 0;
            for (double v : w) {
                sum += v;
                sum2 += v * v;
            }
            double expected = StoppingMuonSamples.generationVolumeRateHz(model);
            assertEquals(expected, sum, 4 * Math.sqrt(sum2), model.name());
            assertEquals(expected, sum, 0.05 * expected, model.name());
        }
        // cross-check of the rate integral with a plain midpoint rule in ln E and cosθ
        double mid = 0;
        int nE = 4000, nC = 400;
        double lo = Math.log(300), hi = Math.log(1e5), cmin = Math.cos(Math.toRadians(85));
        for (int i = 0; i < nE; i++) {
            double e = Math.exp(lo + (i + 0.5) * (hi - lo) / nE);
            for (int j = 0; j < nC; j++) {
                double c = cmin + (j + 0.5) * (1 - cmin) / nC;
                mid += MuonFluxModel.GAISSER_H3A.flux(e, c) * e;
            }
        }
        mid *= (hi - lo) / nE * (1 - cmin) / nC * 2 * Math.PI * Math.PI * 800 * 800 * 1e4;
        assertEquals(mid, StoppingMuonSamples.generationVolumeRateHz(MuonFluxModel.GAISSER_H3A), 1e-5 * mid);
    }

    @Test
    void oneWeightHasTheGenerationMetadata() {
        double[] e = mc.get("true_surface_energy"), ow = mc.get("one_weight"), w = mc.get("GaisserH3aWeight"),
                zen = mc.get("true_zenith");
        for (int i = 0; i < e.length; i += 13) {
            double expected = 2.0106193e10 * 5.7355696 * (1 / 300.0 - 1 / 1e5) * e[i] * e[i] / mcGenerated;
            assertEquals(expected, ow[i], 1e-6 * expected);
            assertEquals(MuonFluxModel.GAISSER_H3A.flux(e[i], Math.cos(zen[i])) * ow[i], w[i], 1e-12 * w[i]);
        }
    }

    @Test
    void weightedTrueEnergyHasTheModelsSpectralIndex() {
        double[] e = l0.get("true_surface_energy"), w = l0.get("GaisserH3aWeight");
        int bins = 5;
        double lo = 3, hi = 4; // log10(E/GeV): 1–10 TeV
        double[] sum = new double[bins];
        for (int i = 0; i < e.length; i++) {
            double x = Math.log10(e[i]);
            if (x >= lo && x < hi) {
                sum[(int) ((x - lo) / (hi - lo) * bins)] += w[i];
            }
        }
        double[] expected = new double[bins];
        double cmin = Math.cos(Math.toRadians(85));
        for (int b = 0; b < bins; b++) {
            double a = Math.pow(10, lo + b * (hi - lo) / bins), z = Math.pow(10, lo + (b + 1) * (hi - lo) / bins);
            for (int i = 0; i < 200; i++) {
                double en = a * Math.pow(z / a, (i + 0.5) / 200);
                for (int j = 0; j < 100; j++) {
                    double c = cmin + (j + 0.5) * (1 - cmin) / 100;
                    expected[b] += MuonFluxModel.GAISSER_H3A.flux(en, c) * en;
                }
            }
        }
        double fitted = slope(sum, lo, hi), model = slope(expected, lo, hi);
        assertTrue(model > 3.3 && model < 3.8, "model index " + model);
        assertEquals(model, fitted, 0.1, "spectral index of the weighted true energy");
    }

    /** −d ln(dN/dE)/d ln E by least squares over log-spaced bins of the integrals {@code sum}. */
    private static double slope(double[] sum, double lo, double hi) {
        int n = sum.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int b = 0; b < n; b++) {
            double a = Math.pow(10, lo + b * (hi - lo) / n), z = Math.pow(10, lo + (b + 1) * (hi - lo) / n);
            double x = Math.log(Math.sqrt(a * z)), y = Math.log(sum[b] / (z - a));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return -(n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @Test
    void dataRateIsTheTrueSkyAndAbout92PercentOfH3a() {
        double[] e = mc.get("true_surface_energy"), zen = mc.get("true_zenith"), h3a = mc.get("GaisserH3aWeight");
        double predicted = 0, predicted2 = 0, h3aRate = 0;
        for (int i = 0; i < e.length; i++) {
            double c = Math.cos(zen[i]);
            double w = h3a[i] * MuonFluxModel.TRUE_SKY.flux(e[i], c) / MuonFluxModel.GAISSER_H3A.flux(e[i], c);
            predicted += w;
            predicted2 += w * w;
            h3aRate += h3a[i];
        }
        double n = data.get("run_id").length, measured = n / livetime;
        double sigma = Math.hypot(Math.sqrt(n) / livetime, Math.sqrt(predicted2));
        assertEquals(predicted, measured, 4 * sigma, "data rate vs MC weighted with the true sky");
        double ratio = measured / h3aRate;
        assertTrue(ratio > 0.85 && ratio < 0.99, "data/MC(H3a) = " + ratio);
    }

    @Test
    void reconstructionsFollowTheTunedResolutions() {
        double[] cls = mc.get("true_class"), score = mc.get("stopping_score"), le = mc.get("reco_log10_energy"),
                e = mc.get("true_surface_energy"), mult = mc.get("multiplicity"), nmu = mc.get("n_muons");
        double[] expectedMean = { 9 / 10.3, 0.5, 1 / 11.0 };
        for (int k = 0; k < 3; k++) {
            double s = 0, d = 0, d2 = 0;
            int n = 0;
            for (int i = 0; i < cls.length; i++) {
                if (cls[i] == k) {
                    s += score[i];
                    double r = le[i] - Math.log10(e[i]);
                    d += r;
                    d2 += r * r;
                    n++;
                }
            }
            assertTrue(n > 100, "class " + k + " has " + n + " events");
            assertEquals(expectedMean[k], s / n, 0.03, "score mean of class " + k);
            double bias = d / n, sd = Math.sqrt(d2 / n - bias * bias);
            assertEquals(k == 0 ? 0 : 0.25, bias, 0.05, "log-energy bias of class " + k);
            assertEquals(k == 0 ? 0.15 : 0.30, sd, 0.03, "log-energy spread of class " + k);
        }
        for (int i = 0; i < score.length; i++) {
            assertTrue(score[i] >= 0 && score[i] <= 1);
            assertTrue(mult[i] >= 0 && mult[i] <= 4 * nmu[i]);
        }
        double[] fss = mc.get("filter_fss"), mu = mc.get("filter_muon");
        for (int i = 0; i < fss.length; i++) {
            assertTrue(fss[i] == 1 || mu[i] == 1, "every level-2 event passed a filter");
        }
    }

    @Test
    void theoryTableIsTheGaisserFormulaPlusPrompt() throws IOException {
        List<String> lines = Files.readAllLines(files.theoryTable());
        assertEquals("e_grid [GeV],zenith [deg],conventional [cm-2 s-1 sr-1 GeV-1],prompt [cm-2 s-1 sr-1 GeV-1],"
                + "total [cm-2 s-1 sr-1 GeV-1]", lines.get(0));
        assertEquals(1 + 121 * 18, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double e = Double.parseDouble(f[0]), z = Double.parseDouble(f[1]);
            double conv = Double.parseDouble(f[2]), prompt = Double.parseDouble(f[3]), total = Double.parseDouble(f[4]);
            double expected = MuonFluxModel.gaisser(e, Math.cos(Math.toRadians(z)));
            assertEquals(expected, conv, 1e-8 * expected, line); // e_grid is rounded to 10 digits
            assertEquals(2.0e-5 * Math.pow(e, -2.7), prompt, 1e-8 * prompt, line);
            assertEquals(conv + prompt, total, 1e-9 * total, line);
        }
    }
}
