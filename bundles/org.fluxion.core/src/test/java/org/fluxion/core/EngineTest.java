package org.fluxion.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private static final String WORKFLOW = """
            unique_name: t
            output_path: out
            seed: 42
            steps:
              - id: gen
                use: source
                with: {n_rows: 1000}
              - id: total
                use: sum
                in: {samples: gen.samples}
            """;

    private static Path run(Path dir, String yaml, StepRegistry registry, boolean strict) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), yaml);
        WorkflowConfig c = WorkflowConfig.load(dir.resolve("a.yaml"), List.of());
        Engine e = new Engine(registry, null);
        return e.run(e.plan(c, strict), RunOptions.of(2)).folder();
    }

    @Test
    void runWritesFolderWithTablesConfigAndProvenance(@TempDir Path dir) throws Exception {
        Path out = run(dir, WORKFLOW, TestSteps.registry(), false);
        assertEquals(dir.resolve("out/t"), out);
        String csv = Files.readString(out.resolve("steps/total/sums.csv"));
        assertTrue(csv.startsWith("provider,n,sum_x [m]\ndefault sum,1000,"), csv);
        assertTrue(Files.exists(out.resolve("steps/total/sums.json")));
        String resolved = Files.readString(out.resolve("config.resolved.yaml"));
        assertTrue(resolved.contains("shape: flat"), resolved);
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"seed\": 42"), prov);
        assertTrue(prov.contains("summed 1000 rows"), prov);
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(out), s.toList(), "no temporary folders left");
        }
    }

    @Test
    void sameSeedGivesIdenticalTablesAndResolvedConfigRerunsIdentically(@TempDir Path dir) throws Exception {
        Path out = run(dir, WORKFLOW, TestSteps.registry(), false);
        byte[] first = Files.readAllBytes(out.resolve("steps/total/sums.csv"));
        Path again = run(dir, WORKFLOW, TestSteps.registry(), false);
        assertArrayEquals(first, Files.readAllBytes(again.resolve("steps/total/sums.csv")));
        Path other = run(dir, WORKFLOW.replace("seed: 42", "seed: 43"), TestSteps.registry(), false);
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(other.resolve("steps/total/sums.csv"))));
        // the resolved config is itself a valid config that reproduces the tables
        Path resolved = dir.resolve("resolved");
        Files.createDirectories(resolved);
        String text = Files.readString(out.resolve("config.resolved.yaml")).replace("seed: 43", "seed: 42");
        Path again2 = run(resolved, text, TestSteps.registry(), false);
        assertArrayEquals(first, Files.readAllBytes(again2.resolve("steps/total/sums.csv")));
    }

    @Test
    void failureLeavesNoFolderAndKeepsTheEarlierRun(@TempDir Path dir) throws Exception {
        Path out = run(dir, WORKFLOW, TestSteps.registry(), false);
        String failing = WORKFLOW + "  - id: boom\n    use: fail\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(dir, failing, TestSteps.registry(), false));
        assertEquals("deliberate failure", e.getMessage());
        assertTrue(Files.exists(out.resolve("steps/total/sums.csv")), "earlier run untouched");
        assertFalse(Files.exists(out.resolve("steps/boom")));
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(1, s.count(), "no partial folder left");
        }
    }

    @Test
    void higherRankingProviderWinsAndIsRecorded(@TempDir Path dir) throws Exception {
        StepRegistry reg = TestSteps.registry(new RegisteredStep(new TestSteps.Sum("experiment sum"), "sum", 10, 9,
                "org.example.sum", "1.2.3"));
        assertEquals("experiment sum", reg.resolve("sum").provider().descriptor().title());
        assertEquals(1, reg.shadowed("sum").size());
        Path out = run(dir, WORKFLOW, reg, false);
        assertTrue(Files.readString(out.resolve("steps/total/sums.csv")).contains("experiment sum"));
        String prov = Files.readString(out.resolve("provenance.json"));
        assertTrue(prov.contains("\"bundle\": \"org.example.sum\""), prov);
        assertTrue(prov.contains("shadowing"), prov);
        ConfigException strict = assertThrows(ConfigException.class, () -> run(dir, WORKFLOW, reg, true));
        assertTrue(strict.getMessage().contains("--strict"), strict.getMessage());
    }

    @Test
    void equalRankingPrefersTheEarlierRegistration() {
        StepRegistry reg = TestSteps.registry(new RegisteredStep(new TestSteps.Sum("late"), "sum", 0, 99, "", ""));
        assertEquals("default sum", reg.resolve("sum").provider().descriptor().title());
    }

    @Test
    void planningChecksIdsPortsAndTypesBeforeRunning() {
        Engine e = new Engine(TestSteps.registry(), null);
        ConfigException x = assertThrows(ConfigException.class, () -> e.plan(WorkflowConfig.parse(
                "steps:\n  - use: nope\n", "a.yaml", Path.of("."), List.of()), false));
        assertTrue(x.getMessage().contains("no installed step with id 'nope'; installed: fail, hist_sink, source, sum"),
                x.getMessage());
        x = assertThrows(ConfigException.class, () -> e.plan(WorkflowConfig.parse(
                "steps:\n  - {id: g, use: source, with: {n_rows: 1}}\n  - {use: hist_sink, in: {histogram: g.samples}}\n",
                "a.yaml", Path.of("."), List.of()), false));
        assertTrue(x.getMessage().contains("expects Histogram but 'g.samples' gives SampleSet"), x.getMessage());
        x = assertThrows(ConfigException.class, () -> e.plan(WorkflowConfig.parse(
                "steps:\n  - {use: sum}\n", "a.yaml", Path.of("."), List.of()), false));
        assertTrue(x.getMessage().contains("needs input 'samples'"), x.getMessage());
        x = assertThrows(ConfigException.class, () -> e.plan(WorkflowConfig.parse(
                "steps:\n  - {use: sum, in: {samples: later.samples}}\n  - {id: later, use: source, with: {n_rows: 1}}\n",
                "a.yaml", Path.of("."), List.of()), false));
        assertTrue(x.getMessage().contains("step 'later' is not an earlier step"), x.getMessage());
        assertEquals("a.yaml:2:5", x.location());
    }

    @Test
    void stepSeedsDependOnRunSeedAndName() {
        long a = org.fluxion.core.internal.RunExecution.stepSeed(1, "a");
        assertEquals(a, org.fluxion.core.internal.RunExecution.stepSeed(1, "a"));
        assertFalse(a == org.fluxion.core.internal.RunExecution.stepSeed(2, "a"));
        assertFalse(a == org.fluxion.core.internal.RunExecution.stepSeed(1, "b"));
    }

    @Test
    void cacheReusesUnchangedStepsAndRerunsChangedOnes(@TempDir Path dir) throws Exception {
        StepResultCache cache = new StepResultCache();
        Files.writeString(dir.resolve("a.yaml"), WORKFLOW);
        Engine e = new Engine(TestSteps.registry(), null);
        RunOptions opts = new RunOptions(2, new java.util.concurrent.atomic.AtomicBoolean(), RunListener.NONE, List.of(),
                java.util.Map.of(), cache);
        Path out = e.run(e.plan(WorkflowConfig.load(dir.resolve("a.yaml"), List.of()), false), opts).folder();
        byte[] first = Files.readAllBytes(out.resolve("steps/total/sums.csv"));
        assertEquals(2, cache.size());
        assertFalse(Files.readString(out.resolve("provenance.json")).contains("\"reused\""));

        // unchanged: both steps reused, same tables
        e.run(e.plan(WorkflowConfig.load(dir.resolve("a.yaml"), List.of()), false), opts);
        String prov = Files.readString(out.resolve("provenance.json"));
        assertEquals(2, prov.split("\"reused\"", -1).length - 1, prov);
        assertArrayEquals(first, Files.readAllBytes(out.resolve("steps/total/sums.csv")));

        // a changed setting of the second step: the first is reused, the second runs again
        e.run(e.plan(WorkflowConfig.load(dir.resolve("a.yaml"), List.of("total.table=totals")), false), opts);
        prov = Files.readString(out.resolve("provenance.json"));
        assertEquals(1, prov.split("\"reused\"", -1).length - 1, prov);
        assertTrue(Files.exists(out.resolve("steps/total/totals.csv")));
        assertFalse(Files.exists(out.resolve("steps/total/sums.csv")), "artifacts of the re-run step are fresh");

        // a changed upstream setting invalidates everything downstream
        e.run(e.plan(WorkflowConfig.load(dir.resolve("a.yaml"), List.of("gen.n_rows=999")), false), opts);
        prov = Files.readString(out.resolve("provenance.json"));
        assertFalse(prov.contains("\"reused\""), prov);
        assertTrue(Files.readString(out.resolve("steps/total/sums.csv")).contains(",999,"));
    }
}
