package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workflow runs inside the framework on the small synthetic samples; its histogram
 * counts equal a direct count of the generated file, and a second run gives identical tables.
 */
class DemoWorkflowTest {

    private static int demo(Path dir, ByteArrayOutputStream err) throws Exception {
        FluxionCommand cmd = new FluxionCommand(OsgiServices.await(StepCatalog.class).snapshot(), null,
                OsgiServices.await(PlotRenderer.class), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                new AtomicBoolean());
        return cmd.execute(List.of("demo", "kascade", "--out", dir.toString(), "--size", "small", "--threads", "2"));
    }

    @Test
    void demoCountsMatchTheGeneratedFileAndRepeatIdentically(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, demo(dir, err), err.toString());
        Path run = dir.resolve("runs/kascade-demo");
        assertTrue(Files.exists(run.resolve("provenance.json")));
        assertTrue(Files.exists(run.resolve("config.resolved.yaml")));

        // direct count of the rows that pass the demo's cuts and fall inside the energy range
        long expected = 0, all = 0;
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("data/kcdc_data.txt"))) {
            String header = r.readLine();
            assertEquals(List.of("E", "Ne", "Nmu", "Ze"), List.of(header.trim().split("\\s+")));
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.trim().split("\\s+");
                double e = Double.parseDouble(f[0]), nmu = Double.parseDouble(f[2]), ze = Double.parseDouble(f[3]);
                all++;
                if (ze >= 0 && ze < 30 && nmu >= 3.6 && e >= 14 && e <= 18.5) {
                    expected++;
                }
            }
        }
        assertEquals(expected, Math.round(sumColumn(run.resolve("steps/data_selected/data_energy_bins.csv"), "sumW")));
        assertEquals(all, Math.round(sumColumn(run.resolve("steps/data_overview/data_zenith_bins.csv"), "sumW")),
                "every generated event has a zenith in [0, 45] deg");

        for (String stem : new String[] { "steps/data_selected/data_energy", "steps/data_selected/data_ne_nmu",
                "steps/simulation_by_primary/simulation_ne_nmu" }) {
            assertTrue(Files.size(run.resolve(stem + ".png")) > 1000, stem + ".png");
            assertTrue(Files.size(run.resolve(stem + ".pdf")) > 1000, stem + ".pdf");
        }

        // same config and seed: byte-identical tables
        Map<Path, byte[]> first = tables(run);
        assertEquals(0, demo(dir, err), err.toString());
        Map<Path, byte[]> second = tables(run);
        assertEquals(first.keySet(), second.keySet());
        for (Path p : first.keySet()) {
            assertArrayEquals(first.get(p), second.get(p), p.toString());
        }
    }

    private static Map<Path, byte[]> tables(Path run) throws Exception {
        Map<Path, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(run.resolve("steps"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".csv")).toList()) {
                m.put(run.relativize(p), Files.readAllBytes(p));
            }
        }
        assertTrue(m.size() >= 5, "tables: " + m.keySet());
        return m;
    }

    private static double sumColumn(Path csv, String column) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int k = header.indexOf(column);
        assertTrue(k >= 0, column + " not in " + header);
        double s = 0;
        for (String line : lines.subList(1, lines.size())) {
            s += Double.parseDouble(line.split(",")[k]);
        }
        return s;
    }
}
