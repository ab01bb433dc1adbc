package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.synth.KascadeSamples;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fluxion demo masterclass} runs the masterclass configuration inside the framework on the
 * small synthetic samples; the fitted muon/electron ratios equal the mean and width computed
 * directly from the generated files (within their errors), the events file's lg(E/GeV) energies are
 * detected, and the demo samples of one size are never reused for another.
 */
class MasterclassWorkflowTest {

    @Test
    void masterclassRunsOnTheSmallSamplesAndItsFitsMatchTheGeneratedColumns(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        FluxionCommand cmd = new FluxionCommand(OsgiServices.await(StepCatalog.class).snapshot(), null,
                OsgiServices.await(PlotRenderer.class), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new AtomicBoolean());
        int rc = cmd.execute(List.of("demo", "masterclass", "--out", dir.toString(), "--size", "small", "--threads",
                "2"));
        assertEquals(0, rc, err + "\n" + out);
        Path run = dir.resolve("runs/masterclass/steps");
        for (String stem : new String[] { "step1_zenith/zenith_data", "step1_zenith/zenith_events",
                "step2_plane_with_primaries/ne_nmu_data", "step3_ratio/mu_e_compare", "step3_ratio/mu_e_vs_lg_e",
                "step3_ratio/e_mu_sim_fe", "step4_energy/energy_bias", "step4_energy/energy_resolution",
                "step1_histograms/data_energy", "step2_planes/simulation_ne_nmu_fe",
                "step6_mass_groups/mass_group_flux", "step6_mass_groups/all_particle_flux",
                "step6_mass_groups/mass_group_data_plane", "step6_mass_groups/mass_group_pulls" }) {
            assertTrue(Files.size(run.resolve(stem + ".png")) > 1000, stem + ".png");
            assertTrue(Files.size(run.resolve(stem + ".pdf")) > 1000, stem + ".pdf");
        }

        // the events file holds lg(E/GeV) and plain sizes: detected and noted
        List<Map<String, String>> units = csv(run.resolve("units/units.csv"));
        Map<String, String> energy = find(units, "sample", "events", "column", "energy");
        assertEquals("lg(E/GeV)", energy.get("detected"));
        assertEquals("lg(E/eV)", find(units, "sample", "data", "column", "E").get("detected"));
        assertTrue(out.toString().contains("column 'energy': median"), out.toString());

        // direct mean and width of lgNmu/lgNe from the generated files
        Path data = dir.resolve("data");
        List<double[]> dataRows = read(data.resolve(KascadeSamples.DATA_FILE), "\\s+", new String[] { "E", "Ne", "Nmu" });
        double[] d = moments(dataRows, r -> r[2] / r[1], r -> 1.0);
        checkFit(find(csv(run.resolve("step3_ratio/mu_e_fits.csv")), "sample", "data", "primary", ""), d, "data");
        List<double[]> simRows = read(data.resolve(KascadeSamples.SIMULATION_FILE), ",",
                new String[] { "Particle", "lgE", "lgNe", "lgNmu" });
        String[] names = { "p", "he", "c", "si", "fe" }, symbols = { "p", "He", "CNO", "Si", "Fe" };
        for (int g = 0; g < names.length; g++) {
            final int code = g;
            List<double[]> rows = simRows.stream().filter(r -> r[0] == code).toList();
            double[] s = moments(rows, r -> r[3] / r[2], r -> Math.pow(10, -0.7 * (r[1] - 15)));
            checkFit(find(csv(run.resolve("step3_ratio/mu_e_fits.csv")), "sample", "simulation", "primary", symbols[g]),
                    s, symbols[g]);
            double[] inv = moments(rows, r -> r[2] / r[3], r -> Math.pow(10, -0.7 * (r[1] - 15)));
            checkFit(find(csv(run.resolve("step3_ratio/e_mu_fits.csv")), "sample", "simulation", "primary", symbols[g]),
                    inv, symbols[g] + " (e/mu)");
        }

        // markers: the small samples are not taken for full ones, not even with an old-style marker
        assertTrue(FluxionCommand.demoSamplesReusable(data, KascadeSamples.Size.SMALL));
        assertFalse(FluxionCommand.demoSamplesReusable(data, KascadeSamples.Size.FULL));
        Files.writeString(data.resolve(".generated-full-" + FluxionCommand.DEMO_SEED), "old marker\n");
        assertFalse(FluxionCommand.demoSamplesReusable(data, KascadeSamples.Size.FULL));

        // the shipped configuration is examples/masterclass.yaml
        Path example = Path.of("../../examples/masterclass.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/masterclass.yaml not found from " + Path.of("").toAbsolutePath());
        assertEquals(Files.readString(example), FluxionCommand.masterclassConfig());
    }

    private static void checkFit(Map<String, String> fit, double[] direct, String what) {
        double mu = Double.parseDouble(fit.get("mu")), muErr = Double.parseDouble(fit.get("mu_error"));
        double sigma = Double.parseDouble(fit.get("sigma")), sigmaErr = Double.parseDouble(fit.get("sigma_error"));
        assertEquals(direct[0], mu, muErr, what + ": mu");
        assertEquals(direct[1], sigma, sigmaErr, what + ": sigma");
        assertEquals(direct[1] / Math.sqrt(direct[2]), muErr, 1e-6 * muErr, what + ": mu error");
        assertTrue(Long.parseLong(fit.get("events")) > 1000, what + ": events " + fit.get("events"));
    }

    /** mean, standard deviation (divisor sum of weights) and N_eff, in two passes. */
    private static double[] moments(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> x,
            java.util.function.ToDoubleFunction<double[]> w) {
        double sw = 0, sw2 = 0, swx = 0;
        for (double[] r : rows) {
            double wi = w.applyAsDouble(r);
            sw += wi;
            sw2 += wi * wi;
            swx += wi * x.applyAsDouble(r);
        }
        double mean = swx / sw, ss = 0;
        for (double[] r : rows) {
            double dx = x.applyAsDouble(r) - mean;
            ss += w.applyAsDouble(r) * dx * dx;
        }
        return new double[] { mean, Math.sqrt(ss / sw), sw * sw / sw2 };
    }

    /** Reads the named columns; the Particle column becomes its index in p, he, c, si, fe. */
    private static List<double[]> read(Path file, String separator, String[] columns) throws Exception {
        List<String> order = List.of("p", "he", "c", "si", "fe");
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            List<String> header = List.of(r.readLine().trim().split(separator));
            int[] k = new int[columns.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = header.indexOf(columns[i]);
                assertTrue(k[i] >= 0, columns[i] + " not in " + header);
            }
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.trim().split(separator);
                double[] row = new double[k.length];
                for (int i = 0; i < k.length; i++) {
                    row[i] = columns[i].equals("Particle") ? order.indexOf(f[k[i]]) : Double.parseDouble(f[k[i]]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i].replaceAll(" \\[.*\\]$", ""), f[i]);
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String k1, String v1, String k2, String v2) {
        for (Map<String, String> r : rows) {
            if (v1.equals(r.get(k1)) && v2.equals(r.get(k2))) {
                return r;
            }
        }
        throw new AssertionError("no row " + k1 + "=" + v1 + ", " + k2 + "=" + v2 + " in " + rows);
    }
}
