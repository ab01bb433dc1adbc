package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.ConfigReference;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's flat standard analysis runs end to end inside the framework on the small synthetic
 * samples ({@code fluxion demo --size small}): every step writes its plots (PNG + PDF), and a second
 * run with the seed's load_* flags reuses the saved effective areas and unfoldings and writes
 * identical files.
 */
class StandardAnalysisTest {
    private static final List<String> FAST = List.of("--set", "n_used_steps=200", "--set", "n_burn_steps=100",
            "--set", "n_walkers=32", "--set", "n_steps=6");
    private static final List<String> STEPS = List.of("cuts", "reco_checks", "effective_area_range",
            "effective_area_energy", "unfold_range", "unfold_energy", "systematics_range", "systematics_energy", "fits");

    private static FluxionCommand command(ByteArrayOutputStream err) throws Exception {
        return new FluxionCommand(OsgiServices.await(StepCatalog.class).snapshot(),
                OsgiServices.await(UnfolderCatalog.class), OsgiServices.await(PlotRenderer.class),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new AtomicBoolean());
    }

    private static int demo(Path dir, ByteArrayOutputStream err, List<String> extra) throws Exception {
        return demo(dir, err, extra, 2);
    }

    private static int demo(Path dir, ByteArrayOutputStream err, List<String> extra, int threads) throws Exception {
        List<String> args = new ArrayList<>(List.of("demo", "--out", dir.toString(), "--size", "small", "--threads",
                Integer.toString(threads)));
        args.addAll(FAST);
        args.addAll(extra);
        return command(err).execute(args);
    }

    @Test
    void standardAnalysisRunsEndToEndAndReloadsIdentically(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, demo(dir, err, List.of()), err.toString());
        Path run = dir.resolve("runs/standard_analysis");
        for (String step : STEPS) {
            Path folder = run.resolve("steps").resolve(step);
            List<Path> png;
            try (Stream<Path> s = Files.list(folder)) {
                png = s.filter(p -> p.toString().endsWith(".png")).toList();
            }
            assertTrue(!png.isEmpty(), "step " + step + " wrote no plot");
            for (Path p : png) {
                Path pdf = Path.of(p.toString().replaceAll("\\.png$", ".pdf"));
                assertTrue(Files.exists(pdf), "no PDF next to " + p);
            }
        }
        Map<String, byte[]> first = new java.util.TreeMap<>();
        for (String step : List.of("effective_area_range", "effective_area_energy", "unfold_range", "unfold_energy")) {
            collect(run.resolve("steps").resolve(step), step, first);
        }
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(0, demo(dir, err2, List.of("--set", "load_effective_area_range=true", "--set",
                "load_effective_area_energy=true", "--set", "load_unfolding_range_results=true", "--set",
                "load_unfolding_energy_results=true")), err2.toString());
        Map<String, byte[]> second = new java.util.TreeMap<>();
        for (String step : List.of("effective_area_range", "effective_area_energy", "unfold_range", "unfold_energy")) {
            collect(run.resolve("steps").resolve(step), step, second);
        }
        assertEquals(first.keySet(), second.keySet());
        for (String k : first.keySet()) {
            if (k.endsWith(".pdf")) {
                continue; // PDFs carry no timestamps, but compare the data files strictly
            }
            assertArrayEquals(first.get(k), second.get(k), "reloaded result differs: " + k);
        }
    }

    @Test
    void sameBytesForOneAndTwoThreads(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, demo(dir.resolve("one"), err, List.of(), 1), err.toString());
        assertEquals(0, demo(dir.resolve("two"), err, List.of(), 2), err.toString());
        Map<String, byte[]> one = new java.util.TreeMap<>(), two = new java.util.TreeMap<>();
        collect(dir.resolve("one/runs/standard_analysis/steps"), "steps", one);
        collect(dir.resolve("two/runs/standard_analysis/steps"), "steps", two);
        assertEquals(one.keySet(), two.keySet());
        for (String k : one.keySet()) {
            assertArrayEquals(one.get(k), two.get(k), "differs between 1 and 2 threads: " + k);
        }
    }

    private static void collect(Path folder, String prefix, Map<String, byte[]> out) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(prefix + "/" + folder.relativize(p), Files.readAllBytes(p));
            }
        }
    }

    @Test
    void shippedConfigurationIsTheExample() throws Exception {
        Path example = Path.of("../../examples/standard_analysis.yaml");
        Assumptions.assumeTrue(Files.exists(example), "examples/standard_analysis.yaml not found");
        assertEquals(Files.readString(example), FluxionCommand.standardAnalysisConfig());
    }

    @Test
    void configReferenceIsCurrent() throws Exception {
        Path doc = Path.of("../../docs/config.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/config.md not found");
        String generated = ConfigReference.markdown(OsgiServices.await(StepCatalog.class).snapshot(),
                OsgiServices.await(UnfolderCatalog.class).all());
        assertEquals(generated, Files.readString(doc),
                "docs/config.md is out of date: regenerate with ./fluxion config-reference > docs/config.md");
    }
}
