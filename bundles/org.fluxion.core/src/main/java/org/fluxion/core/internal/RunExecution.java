package org.fluxion.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.core.Plan;
import org.fluxion.core.Plan.Connection;
import org.fluxion.core.Plan.PlannedStep;
import org.fluxion.core.RegisteredStep;
import org.fluxion.core.RunOptions;
import org.fluxion.core.RunResult;
import org.fluxion.core.SettingsBinder;
import org.fluxion.core.StepConfig;
import org.fluxion.core.StepResultCache;
import org.fluxion.core.WorkflowConfig;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Executes one plan into one run folder. Single use. */
public final class RunExecution {
    private final Plan plan;
    private final Path target;
    private final PlotRenderer renderer;
    private final RunOptions options;

    public RunExecution(Plan plan, Path target, PlotRenderer renderer, RunOptions options) {
        this.plan = plan;
        this.target = target;
        this.renderer = renderer;
        this.options = options;
    }

    /** Derives a step's seed from the run seed and the step's instance name (SHA-256, first 8 bytes). */
    public static long stepSeed(long runSeed, String stepName) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 7; i >= 0; i--) {
                md.update((byte) (runSeed >>> (8 * i)));
            }
            md.update(stepName.getBytes(StandardCharsets.UTF_8));
            byte[] h = md.digest();
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (h[i] & 0xff);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public RunResult execute() throws Exception {
        long t0 = System.nanoTime();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RunFolder folder = new RunFolder(target);
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "fluxion-render-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<String> allWarnings = new ArrayList<>();
        for (String w : plan.warnings()) {
            allWarnings.add("engine: " + w);
            options.listener().warning("", w);
        }
        List<Map<String, Object>> stepRecords = new ArrayList<>();
        List<Path> inputFiles = new ArrayList<>();
        try {
            WorkflowConfig cfg = plan.config();
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            List<Runnable> cacheUpdates = new ArrayList<>();
            StepResultCache cache = options.cache();
            int index = 0;
            for (PlannedStep ps : plan.steps()) {
                if (options.cancel().get()) {
                    throw new CancelledException("cancelled before step '" + ps.name() + "'");
                }
                options.listener().stepStarted(ps.name(), ps.provider().id(), index, plan.steps().size());
                Map<String, Object> in = new LinkedHashMap<>();
                for (Map.Entry<String, Connection> e : ps.inputs().entrySet()) {
                    in.put(e.getKey(), values.get(e.getValue().step() + "." + e.getValue().port()));
                }
                Path stepDir = folder.temp().resolve("steps").resolve(ps.name());
                long stepSeed = stepSeed(cfg.seed(), ps.name());
                String key = cacheKey(ps, stepSeed, keys, cfg.baseDirectory());
                keys.put(ps.name(), key);
                StepResultCache.Entry cached = cache == null ? null : cache.lookup(ps.name(), key);
                if (cached != null) {
                    copyTree(cached.artifacts(), stepDir);
                    cached.outputs().forEach((k, v) -> values.put(ps.name() + "." + k, v));
                    for (String w : cached.warnings()) {
                        allWarnings.add(ps.name() + ": " + w);
                    }
                    Map<String, Object> rec = stepRecord(ps, stepSeed, 0, cached.warnings(), listFiles(stepDir));
                    rec.put("reused", "unchanged since an earlier run of this session; outputs and artifacts reused");
                    stepRecords.add(rec);
                    synchronized (inputFiles) {
                        for (StepResultCache.FileStamp f : cached.inputs()) {
                            if (!inputFiles.contains(f.file())) {
                                inputFiles.add(f.file());
                            }
                        }
                    }
                    Path finalDir = target.resolve("steps").resolve(ps.name());
                    cacheUpdates.add(() -> cache.store(ps.name(), new StepResultCache.Entry(key, cached.outputs(),
                            finalDir, cached.inputs(), cached.warnings())));
                    options.listener().warning(ps.name(), "unchanged: reused the result of the previous run");
                    options.listener().stepFinished(ps.name(), 0);
                    index++;
                    continue;
                }
                Files.createDirectories(stepDir); // also for steps without artifacts: marks the step as run
                ArtifactWriter artifacts = new ArtifactWriter(ps.name(), stepDir, renderer, pool);
                long seed = stepSeed;
                StepRun ctx = new StepRun(ps.name(), ps.provider().provider().descriptor(), in, artifacts, seed,
                        options.listener(), options.cancel(), inputFiles, cfg.baseDirectory(), options.threads(),
                        target.resolve("steps").resolve(ps.name()));
                long s0 = System.nanoTime();
                Step step = create(ps.provider().provider(), ps.settings());
                try {
                    step.run(ctx);
                } catch (Exception | Error e) {
                    throw wrap(ps, e);
                }
                artifacts.finish();
                double seconds = (System.nanoTime() - s0) * 1e-9;
                Map<String, Object> outs = ctx.outputs();
                for (var port : ps.provider().provider().descriptor().outputs()) {
                    if (!outs.containsKey(port.name()) && !port.optional()) {
                        throw new IllegalStateException("step '" + ps.name() + "' (" + ps.provider().id()
                                + ") finished without producing its output '" + port.name() + "'");
                    }
                }
                outs.forEach((k, v) -> values.put(ps.name() + "." + k, v));
                options.listener().stepFinished(ps.name(), seconds);
                for (String w : ctx.warnings()) {
                    allWarnings.add(ps.name() + ": " + w);
                }
                stepRecords.add(stepRecord(ps, seed, seconds, ctx.warnings(), artifacts.files()));
                if (cache != null) {
                    List<StepResultCache.FileStamp> stamps = new ArrayList<>();
                    for (Path f : concreteFiles(ctx.stepInputs())) {
                        if (Files.isRegularFile(f)) {
                            stamps.add(StepResultCache.FileStamp.of(f));
                        }
                    }
                    Path finalDir = target.resolve("steps").resolve(ps.name());
                    List<String> warnings = ctx.warnings();
                    cacheUpdates.add(() -> cache.store(ps.name(), new StepResultCache.Entry(key, outs, finalDir,
                            List.copyOf(stamps), warnings)));
                }
                index++;
            }
            List<Map<String, Object>> inputs = hashInputs(inputFiles, pool);
            Files.writeString(folder.temp().resolve("config.resolved.yaml"), resolvedConfig(), StandardCharsets.UTF_8);
            double total = (System.nanoTime() - t0) * 1e-9;
            Files.writeString(folder.temp().resolve("provenance.json"),
                    Json.write(provenance(started, total, stepRecords, inputs, allWarnings)), StandardCharsets.UTF_8);
            folder.commit();
            cacheUpdates.forEach(Runnable::run);
            return new RunResult(target, (System.nanoTime() - t0) * 1e-9, allWarnings);
        } catch (Exception | Error e) {
            folder.abort();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Exception wrap(PlannedStep ps, Throwable e) {
        if (e instanceof Error err) {
            return new IllegalStateException("step '" + ps.name() + "' (" + ps.provider().id() + ") failed: " + err, err);
        }
        return (Exception) e;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Step create(StepProvider provider, Record settings) {
        return provider.create(settings);
    }

    private static Map<String, Object> stepRecord(PlannedStep ps, long seed, double seconds, List<String> warnings,
            List<String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ps.name());
        m.put("use", ps.provider().id());
        m.put("provider", provider(ps.provider()));
        List<Object> sh = new ArrayList<>();
        for (RegisteredStep r : ps.shadowed()) {
            sh.add(provider(r));
        }
        m.put("shadowed", sh);
        Map<String, Object> in = new LinkedHashMap<>();
        ps.inputs().forEach((k, v) -> in.put(k, v.step() + "." + v.port()));
        m.put("inputs", in);
        m.put("seed", Long.toUnsignedString(seed));
        m.put("wall_time_s", Math.round(seconds * 1e4) / 1e4);
        m.put("warnings", warnings);
        m.put("files", files);
        return m;
    }

    private static Map<String, Object> provider(RegisteredStep r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", r.bundle());
        m.put("version", r.bundleVersion());
        m.put("class", r.provider().getClass().getName());
        m.put("ranking", r.ranking());
        return m;
    }

    private String resolvedConfig() {
        WorkflowConfig c = plan.config();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("unique_name", c.uniqueName());
        root.put("base_directory", c.baseDirectory().toAbsolutePath().toString());
        root.put("output_path", c.outputPath());
        root.put("seed", c.seed());
        root.put("threads", c.threads());
        if (!c.description().isEmpty()) {
            root.put("description", c.description());
        }
        List<Object> steps = new ArrayList<>();
        Map<String, PlannedStep> byName = new LinkedHashMap<>();
        plan.steps().forEach(p -> byName.put(p.name(), p));
        for (StepConfig sc : c.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", sc.name());
            s.put("use", sc.use());
            PlannedStep ps = byName.get(sc.name());
            if (ps == null) {
                s.put("enabled", false);
            } else {
                if (!ps.inputs().isEmpty()) {
                    Map<String, Object> in = new LinkedHashMap<>();
                    ps.inputs().forEach((k, v) -> in.put(k, v.step() + "." + v.port()));
                    s.put("in", in);
                }
                s.put("with", SettingsBinder.toPlain(ps.settings()));
            }
            steps.add(s);
        }
        root.put("steps", steps);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(120);
        StringBuilder sb = new StringBuilder();
        sb.append("# Resolved configuration of this run: every setting with its default filled in");
        if (!c.overrides().isEmpty()) {
            sb.append(" and these overrides applied: ").append(String.join(" ", c.overrides()));
        }
        sb.append(".\n# Run it again with: fluxion run config.resolved.yaml\n");
        return sb.append(new Yaml(o).dump(root)).toString();
    }

    private List<Map<String, Object>> hashInputs(List<Path> files, ExecutorService pool) throws Exception {
        List<Path> concrete;
        synchronized (files) {
            concrete = concreteFiles(files);
        }
        Map<Path, Future<String>> hashes = new TreeMap<>();
        for (Path p : concrete) {
            if (Files.isRegularFile(p) && !hashes.containsKey(p)) {
                hashes.put(p, pool.submit(() -> sha256(p)));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Path, Future<String>> e : hashes.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.getKey().toString());
            m.put("bytes", Files.size(e.getKey()));
            m.put("sha256", e.getValue().get());
            out.add(m);
        }
        return out;
    }

    /** Expands glob patterns in the file name (e.g. {@code data/run_*.h5}) into the matching files, sorted. */
    static List<Path> concreteFiles(List<Path> files) throws IOException {
        List<Path> concrete = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.matches(".*[*?\\[{].*") && p.getParent() != null && Files.isDirectory(p.getParent())) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.getParent(), name)) {
                    List<Path> matched = new ArrayList<>();
                    ds.forEach(matched::add);
                    matched.sort(null);
                    concrete.addAll(matched);
                }
            } else {
                concrete.add(p);
            }
        }
        return concrete;
    }

    private static String cacheKey(PlannedStep ps, long seed, Map<String, String> upstreamKeys, Path base) {
        RegisteredStep r = ps.provider();
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("step", ps.name());
        k.put("use", r.id());
        k.put("provider", r.bundle() + " " + r.bundleVersion() + " " + r.provider().getClass().getName());
        k.put("settings", SettingsBinder.toPlain(ps.settings()));
        k.put("seed", seed);
        k.put("base", base.toAbsolutePath().toString());
        Map<String, Object> in = new TreeMap<>();
        ps.inputs().forEach((port, c) -> in.put(port, c.step() + "." + c.port() + "@" + upstreamKeys.get(c.step())));
        k.put("inputs", in);
        return HexFormat.of().formatHex(sha(Json.write(k)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private Map<String, Object> provenance(Instant started, double seconds, List<Map<String, Object>> steps,
            List<Map<String, Object>> inputs, List<String> warnings) {
        WorkflowConfig c = plan.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "fluxion-provenance/1");
        m.put("unique_name", c.uniqueName());
        m.put("started_utc", started.toString());
        m.put("wall_time_s", Math.round(seconds * 1e4) / 1e4);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", c.source());
        config.put("sha256", HexFormat.of().formatHex(sha(c.text())));
        config.put("overrides", c.overrides());
        m.put("config", config);
        m.put("seed", c.seed());
        m.put("threads", options.threads());
        m.put("command_line", options.commandLine());
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("java.version", System.getProperty("java.version"));
        jvm.put("java.vendor", System.getProperty("java.vendor"));
        jvm.put("java.vm.name", System.getProperty("java.vm.name"));
        m.put("jvm", jvm);
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        os.put("available_processors", Runtime.getRuntime().availableProcessors());
        m.put("os", os);
        m.put("platform", new TreeMap<>(options.platform()));
        m.put("inputs", inputs);
        m.put("steps", steps);
        m.put("warnings", warnings);
        return m;
    }

    private static byte[] sha(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
