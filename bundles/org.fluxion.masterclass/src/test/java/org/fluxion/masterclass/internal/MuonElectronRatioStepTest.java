package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.masterclass.internal.MuonElectronRatioSettings.RatioKind;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;

class MuonElectronRatioStepTest {

    static MuonElectronRatioSettings settings(String data, String simulation, RatioKind kind, double toIndex) {
        return new MuonElectronRatioSettings(data, simulation, Map.of(), Map.of(), kind, 100, List.of(0.5, 1.4),
                List.of(0.7, 1.8), 2.0, toIndex, 16, 14, 18, 20);
    }

    private static Map<String, Object> row(TableArtifact t, String sample, String primary) {
        List<String> names = t.headers().stream().map(TableArtifact.Header::name).toList();
        for (List<Object> r : t.rows()) {
            if (r.get(0).equals(sample) && r.get(1).equals(primary)) {
                java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    m.put(names.get(i), r.get(i));
                }
                return m;
            }
        }
        throw new AssertionError("no row " + sample + "/" + primary + " in " + t.rows());
    }

    @Test
    void fittedMeanAndWidthMatchTheValuesComputedDirectlyFromTheColumns() throws Exception {
        EventTable sim = KascadeTables.simulation(11, 60_000);
        EventTable data = KascadeTables.data(12, 40_000);
        FakeStepContext ctx = new FakeStepContext(2).input("samples", SampleSet.of(List.of(data, sim)));
        new MuonElectronRatioStep(settings("data", "simulation", RatioKind.BOTH, 2.7)).run(ctx);

        for (String prefix : List.of("mu_e", "e_mu")) {
            TableArtifact fits = ctx.tables.get(prefix + "_fits");
            // data: unit weights
            double[] direct = direct(data, "Ne", "Nmu", prefix.equals("mu_e"), null, -1, null);
            Map<String, Object> d = row(fits, "data", "");
            assertWithinErrors(direct, d, prefix + " data");
            // simulation: per primary, weighted from E^-2 to E^-2.7
            Column.Categorical particle = (Column.Categorical) sim.column("Particle");
            double[] w = new double[sim.rowCount()];
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.pow(10, -0.7 * (sim.column("lgE").getDouble(i) - 15));
            }
            String[] symbols = { "p", "He", "CNO", "Si", "Fe" };
            for (int g = 0; g < 5; g++) {
                double[] dg = direct(sim, "lgNe", "lgNmu", prefix.equals("mu_e"), particle, g, w);
                assertWithinErrors(dg, row(fits, "simulation", symbols[g]), prefix + " " + symbols[g]);
            }
        }
        // heavier primaries: more muons per electron
        TableArtifact fits = ctx.tables.get("mu_e_fits");
        double muP = ((Number) row(fits, "simulation", "p").get("mu")).doubleValue();
        double muFe = ((Number) row(fits, "simulation", "Fe").get("mu")).doubleValue();
        assertTrue(muFe > muP + 0.05, "Fe " + muFe + " vs p " + muP);
        assertTrue(ctx.plots.containsKey("mu_e_compare") && ctx.plots.containsKey("mu_e_vs_lg_e")
                && ctx.plots.containsKey("e_mu_sim_fe") && ctx.plots.containsKey("mu_e_data"), ctx.plots.keySet()
                        .toString());
    }

    /** mean, ML standard deviation and N_eff, by two passes and independently of the step's code. */
    private static double[] direct(EventTable t, String ne, String nmu, boolean muOverE, Column.Categorical groups,
            int group, double[] w) {
        double sw = 0, swx = 0, sw2 = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (groups != null && groups.code(i) != group) {
                continue;
            }
            double e = t.column(ne).getDouble(i), m = t.column(nmu).getDouble(i);
            double r = muOverE ? m / e : e / m;
            double wi = w == null ? 1 : w[i];
            sw += wi;
            sw2 += wi * wi;
            swx += wi * r;
        }
        double mean = swx / sw, ss = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (groups != null && groups.code(i) != group) {
                continue;
            }
            double e = t.column(ne).getDouble(i), m = t.column(nmu).getDouble(i);
            double r = muOverE ? m / e : e / m;
            ss += (w == null ? 1 : w[i]) * (r - mean) * (r - mean);
        }
        return new double[] { mean, Math.sqrt(ss / sw), sw * sw / sw2 };
    }

    private static void assertWithinErrors(double[] direct, Map<String, Object> fit, String what) {
        double mu = ((Number) fit.get("mu")).doubleValue(), muErr = ((Number) fit.get("mu_error")).doubleValue();
        double sigma = ((Number) fit.get("sigma")).doubleValue();
        double sigmaErr = ((Number) fit.get("sigma_error")).doubleValue();
        assertTrue(muErr > 0 && sigmaErr > 0, what);
        assertEquals(direct[0], mu, muErr, what + ": mu");
        assertEquals(direct[1], sigma, sigmaErr, what + ": sigma");
        assertEquals(direct[1] / Math.sqrt(direct[2]), muErr, 1e-9 * muErr, what + ": mu error");
        // the step's single-pass sums agree with two passes far inside the error
        assertEquals(direct[0], mu, 1e-3 * muErr, what + ": mu to rounding");
    }

    @Test
    void aGaussianRatioIsRecoveredWithinItsErrorsAndTheChiSquareIsReasonable() throws Exception {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int n = 50_000;
        double[] ne = new double[n], nmu = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) {
            ne[i] = 5.0;
            nmu[i] = 5.0 * (0.9 + 0.05 * KascadeTables.gauss(r));
            e[i] = 15.0;
        }
        EventTable data = EventTable.builder("data").add(Column.ofDoubles("E", "lg(E/eV)", e))
                .add(Column.ofDoubles("Ne", "", ne)).add(Column.ofDoubles("Nmu", "", nmu)).build();
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(data)));
        new MuonElectronRatioStep(settings("data", "", RatioKind.MU_OVER_E, 2.0)).run(ctx);
        Map<String, Object> fit = row(ctx.tables.get("mu_e_fits"), "data", "");
        double mu = ((Number) fit.get("mu")).doubleValue(), muErr = ((Number) fit.get("mu_error")).doubleValue();
        double sigma = ((Number) fit.get("sigma")).doubleValue();
        double sigmaErr = ((Number) fit.get("sigma_error")).doubleValue();
        assertEquals(0.9, mu, 3 * muErr);
        assertEquals(0.05, sigma, 3 * sigmaErr);
        assertEquals(0.05 / Math.sqrt(n), muErr, 0.02 * muErr);
        double chi2 = ((Number) fit.get("chi2")).doubleValue();
        long ndf = ((Number) fit.get("ndf")).longValue();
        assertTrue(ndf > 20 && chi2 / ndf < 2, chi2 + "/" + ndf);
    }

    @Test
    void energiesInGigaelectronvoltsAreRefusedWithAHintToConvertThem() {
        EventTable data = EventTable.builder("events").add(Column.ofDoubles("energy", "", new double[] { 6, 6.5, 7 }))
                .add(Column.ofDoubles("Ne", "", new double[] { 5, 5, 5 }))
                .add(Column.ofDoubles("Nmu", "", new double[] { 4, 4, 4 })).build();
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(data)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MuonElectronRatioStep(settings("events", "", RatioKind.BOTH, 2.0)).run(ctx));
        assertTrue(e.getMessage().contains("'energy'") && e.getMessage().contains("kcdc_units"), e.getMessage());
    }

    @Test
    void settingsNameTheKeyAndTheValue() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new MuonElectronRatioSettings("data", "simulation", null, null, null, 100, List.of(1.2, 0.7),
                        List.of(0.7, 1.8), 2, 2.7, 16, 14, 18, 20));
        assertEquals("mu_over_e_range", e.key());
        assertTrue(e.getMessage().contains("[1.2, 0.7]"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> settings("", "", RatioKind.BOTH, 2));
        assertEquals("data", e.key());
        EventTable data = KascadeTables.data(1, 100);
        FakeStepContext ctx = new FakeStepContext(1).input("samples", SampleSet.of(List.of(data)));
        e = assertThrows(InvalidSettingsException.class,
                () -> new MuonElectronRatioStep(settings("measured", "", RatioKind.BOTH, 2)).run(ctx));
        assertTrue(e.getMessage().contains("'measured'") && e.getMessage().contains("[data]"), e.getMessage());
    }
}
