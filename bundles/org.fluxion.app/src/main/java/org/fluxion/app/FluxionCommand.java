package org.fluxion.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.core.ConfigException;
import org.fluxion.core.Engine;
import org.fluxion.core.Plan;
import org.fluxion.core.RegisteredStep;
import org.fluxion.core.RunOptions;
import org.fluxion.core.RunResult;
import org.fluxion.core.SettingsBinder;
import org.fluxion.core.StepRegistry;
import org.fluxion.core.WorkflowConfig;
import org.fluxion.synth.KascadeSamples;
import org.fluxion.synth.StoppingMuonSamples;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;

/**
 * The {@code fluxion} command line: {@code run}, {@code list}, {@code demo}, {@code generate}.
 * Exit codes: 0 ok, 2 bad configuration or arguments, 3 unreadable input, 4 failure while running.
 * Every failure prints one clear line to the error stream.
 */
public final class FluxionCommand {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: bad configuration or command-line arguments. */
    public static final int BAD_CONFIG = 2;
    /** Exit code: unreadable or malformed input data. */
    public static final int BAD_INPUT = 3;
    /** Exit code: failure while running. */
    public static final int FAILED = 4;

    static final String USAGE = """
            usage: fluxion <command> [options]

              run CONFIG [--set key=value]... [--strict] [--threads N]
                  run the analysis workflow of a YAML configuration; the run folder is
                  output_path/unique_name (written completely or not at all)
              demo [stopping-muons|kascade|masterclass] [--out DIR] [--size small|full] [--threads N]
                  generate synthetic samples into DIR/data (once per size) and run the stopping-muon
                  standard analysis (default; = examples/standard_analysis.yaml), the KASCADE demo
                  workflow or the KASCADE masterclass (default DIR: ./fluxion-demo, size: full)
              generate kascade --out DIR [--size small|full] [--seed N]
                  write the synthetic KCDC samples (kcdc_data.txt, kcdc_simulation.csv, kcdc_events.csv)
              generate stopping-muons --out DIR [--size small|default] [--seed N] [--threads N]
                  write the synthetic IceCube stopping-muon samples (mc_l0, mc, data in the flat and
                  the hdfwriter HDF5 layouts) and the MCEq-style theory table
              unfold --response R.csv --observed G.csv --out DIR [--method llh|ibu|gold|<id>]
                     [--efficiency E.csv] [--truth T.csv] [--background B.csv] [--scan MIN:MAX:N]
                     [--set key=value]... [--seed N] [--threads N] [--quantity NAME] [--unit UNIT]
                  histogram-level unfolding; --set keys are the method's settings
                  (CSV shapes: bundles/org.fluxion.unfolding/README.md)
              list [--settings]
                  installed steps and unfolders with their bundles and versions (and every setting)
              config-reference
                  print the configuration reference (docs/config.md) generated from the installed
                  steps, unfolders and the flat stopping-muon preset
              --help
                  this text

            the desktop workbench (launcher script only): ./fluxion (no arguments),
            ./fluxion ui [CONFIG], ./fluxion demo --ui [--size small|full] [--out DIR]

            exit codes: 0 ok, 2 bad configuration or arguments, 3 unreadable input, 4 failure while running
            """;

    private final StepRegistry registry;
    private final UnfolderCatalog unfolders;
    private final PlotRenderer renderer;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> platform;
    private final AtomicBoolean cancel;

    /**
     * @param registry  installed steps
     * @param unfolders installed unfolders, may be null
     * @param renderer  plot service, may be null
     * @param platform facts recorded in provenance (framework, application bundle version)
     * @param cancel   set to cancel a running workflow (e.g. from a shutdown hook)
     */
    public FluxionCommand(StepRegistry registry, UnfolderCatalog unfolders, PlotRenderer renderer, PrintStream out,
            PrintStream err, Map<String, String> platform, AtomicBoolean cancel) {
        this.registry = registry;
        this.unfolders = unfolders;
        this.renderer = renderer;
        this.out = out;
        this.err = err;
        this.platform = Map.copyOf(platform);
        this.cancel = cancel;
    }

    /** Runs one command; never throws; returns the exit code. */
    public int execute(List<String> args) {
        try {
            if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
                out.print(USAGE);
                return args.isEmpty() ? BAD_CONFIG : OK;
            }
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "run" -> run(rest, args);
                case "list" -> list(rest);
                case "demo" -> demo(rest, args);
                case "generate" -> generate(rest);
                case "unfold" -> unfold(rest, args);
                case "config-reference" -> {
                    out.print(ConfigReference.markdown(registry, unfolders == null ? List.of() : unfolders.all()));
                    yield OK;
                }
                default -> throw new ConfigException("", "unknown command '" + args.get(0)
                        + "'; commands: run, demo, generate, unfold, list, config-reference (see fluxion --help)");
            };
        } catch (ConfigException e) {
            err.println("fluxion: configuration error: " + e.getMessage());
            return BAD_CONFIG;
        } catch (InvalidSettingsException e) {
            err.println("fluxion: configuration error: '" + e.key() + "': " + e.getMessage());
            return BAD_CONFIG;
        } catch (InputException e) {
            err.println("fluxion: unreadable input: " + e.getMessage());
            return BAD_INPUT;
        } catch (CancelledException e) {
            err.println("fluxion: cancelled: " + e.getMessage() + " (no run folder written)");
            return FAILED;
        } catch (IOException e) {
            err.println("fluxion: I/O error: " + e.getMessage());
            return FAILED;
        } catch (Exception | Error e) {
            err.println("fluxion: failed: " + e);
            if (Boolean.getBoolean("fluxion.debug")) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private static final class Options {
        final List<String> positional = new ArrayList<>();
        final List<String> sets = new ArrayList<>();
        final Map<String, String> values = new LinkedHashMap<>();
        boolean strict;
        boolean settings;
    }

    private static Options parse(List<String> args, List<String> valued, List<String> flags) throws ConfigException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--set")) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException("", "--set needs key=value");
                }
                o.sets.add(args.get(++i));
            } else if (a.startsWith("--set=")) {
                o.sets.add(a.substring(6));
            } else if (flags.contains(a)) {
                if (a.equals("--strict")) {
                    o.strict = true;
                } else if (a.equals("--settings")) {
                    o.settings = true;
                }
            } else if (a.startsWith("--")) {
                String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!valued.contains(key)) {
                    throw new ConfigException("", "unknown option '" + a + "' (see fluxion --help)");
                }
                String v;
                if (a.contains("=")) {
                    v = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    v = args.get(++i);
                } else {
                    throw new ConfigException("", "option " + a + " needs a value");
                }
                o.values.put(key, v);
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    private static int threads(Options o, int configured) throws ConfigException {
        String t = o.values.get("--threads");
        if (t == null) {
            return RunOptions.threadsFor(configured);
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException("", "--threads must be an integer >= 1 but was '" + t + "'");
        }
    }

    private int run(List<String> args, List<String> all) throws Exception {
        Options o = parse(args, List.of("--threads"), List.of("--strict"));
        if (o.positional.size() != 1) {
            throw new ConfigException("", "run needs exactly one configuration file but got " + o.positional);
        }
        return runConfig(Path.of(o.positional.get(0)), o.sets, o.strict, o, all);
    }

    private int runConfig(Path file, List<String> sets, boolean strict, Options o, List<String> all) throws Exception {
        WorkflowConfig config = WorkflowConfig.load(file, sets);
        Engine engine = new Engine(registry, renderer);
        Plan plan = engine.plan(config, strict);
        int threads = threads(o, config.threads());
        out.printf(Locale.ROOT, "fluxion: running %s (%d steps, %d threads, seed %d)%n", file, plan.steps().size(),
                threads, config.seed());
        RunResult r = engine.run(plan, new RunOptions(threads, cancel, new ConsoleProgress(out),
                List.of(all.toArray(String[]::new)), platform));
        out.printf(Locale.ROOT, "fluxion: run folder %s (%.2f s, %d warnings)%n", r.folder(), r.seconds(),
                r.warnings().size());
        return OK;
    }

    private int generate(List<String> args) throws Exception {
        Options o = parse(args, List.of("--out", "--size", "--seed", "--threads"), List.of());
        String kind = o.positional.size() == 1 ? o.positional.get(0) : "";
        if (!kind.equals("kascade") && !kind.equals("stopping-muons")) {
            throw new ConfigException("", "generate needs the sample kind 'kascade' or 'stopping-muons' but got "
                    + o.positional);
        }
        String dir = o.values.get("--out");
        if (dir == null) {
            throw new ConfigException("", "generate " + kind + " needs --out DIR");
        }
        long seed = seed(o.values.getOrDefault("--seed", "1"));
        long t0 = System.nanoTime();
        if (kind.equals("stopping-muons")) {
            StoppingMuonSamples.Size size = stoppingMuonSize(o.values.getOrDefault("--size", "default"));
            StoppingMuonSamples.Files f = StoppingMuonSamples.write(Path.of(dir), seed, size, threads(o, 0));
            out.printf(Locale.ROOT, "fluxion: wrote %s, %s, %s (flat), %s, %s, %s (hdfwriter), %s; "
                    + "level-2 MC thrown %d, data events %d (%.1f s)%n", f.mcL0(), f.mc(), f.data(), f.mcL0Hdfwriter(),
                    f.mcHdfwriter(), f.dataHdfwriter(), f.theoryTable(), f.mcGenerated(), f.dataEvents(),
                    (System.nanoTime() - t0) * 1e-9);
            return OK;
        }
        KascadeSamples.Size size = size(o.values.getOrDefault("--size", "full"));
        KascadeSamples.Files f = KascadeSamples.write(Path.of(dir), seed, size, threads(o, 0));
        out.printf(Locale.ROOT, "fluxion: wrote %s, %s, %s (%.1f s)%n", f.data(), f.simulation(), f.events(),
                (System.nanoTime() - t0) * 1e-9);
        return OK;
    }


    private static KascadeSamples.Size size(String s) throws ConfigException {
        for (KascadeSamples.Size v : KascadeSamples.Size.values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new ConfigException("", "--size must be small or full but was '" + s + "'");
    }

    private static long seed(String s) throws ConfigException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("", "--seed must be an integer but was '" + s + "'");
        }
    }

    /** Seed of the demo samples (shared by {@code fluxion demo}, {@code fluxion demo masterclass} and the UI). */
    public static final long DEMO_SEED = 20210318L;
    /** Name of the marker file in the demo data folder; it records which samples the folder holds. */
    static final String DEMO_MARKER = ".generated";

    private int demo(List<String> args, List<String> all) throws Exception {
        Options o = parse(args, List.of("--out", "--size", "--threads"), List.of());
        String which = o.positional.isEmpty() ? "stopping-muons" : o.positional.get(0);
        if (o.positional.size() > 1 || !List.of("stopping-muons", "kascade", "masterclass").contains(which)) {
            throw new ConfigException("", "demo takes at most one argument, 'stopping-muons' (default), 'kascade' or "
                    + "'masterclass', but got " + o.positional);
        }
        Path dir = Path.of(o.values.getOrDefault("--out", "fluxion-demo")).toAbsolutePath().normalize();
        String sizeName = o.values.getOrDefault("--size", "full");
        Path data = dir.resolve("data");
        long t0 = System.nanoTime();
        if (which.equals("stopping-muons")) {
            StoppingMuonSamples.Size size = stoppingMuonSize(sizeName);
            if (prepareStoppingMuonSamples(data, size, threads(o, 0))) {
                out.printf(Locale.ROOT, "fluxion: generated the synthetic stopping-muon samples (%s) into %s in %.1f s%n",
                        sizeName.toLowerCase(Locale.ROOT), data, (System.nanoTime() - t0) * 1e-9);
            } else {
                out.println("fluxion: reusing the synthetic stopping-muon samples (" + sizeName.toLowerCase(Locale.ROOT)
                        + ") in " + data);
            }
            Path config = dir.resolve("standard_analysis.yaml");
            Files.writeString(config, standardAnalysisConfig(), StandardCharsets.UTF_8);
            List<String> sets = new ArrayList<>();
            if (size == StoppingMuonSamples.Size.SMALL) {
                // the small level-2 MC has 874 events after the cuts: the configuration's split sizes are for ~87,000
                sets.addAll(SMALL_STOPPING_MUON_SETTINGS);
            }
            sets.addAll(o.sets);
            return runConfig(config, sets, false, o, all);
        }
        KascadeSamples.Size size = size(sizeName);
        if (prepareDemoSamples(data, size, threads(o, 0))) {
            out.printf(Locale.ROOT, "fluxion: generated the synthetic KASCADE samples (%s) into %s in %.1f s%n",
                    size.name().toLowerCase(Locale.ROOT), data, (System.nanoTime() - t0) * 1e-9);
        } else {
            out.println("fluxion: reusing the synthetic samples (" + size.name().toLowerCase(Locale.ROOT) + ") in "
                    + data);
        }
        boolean masterclass = which.equals("masterclass");
        Path config = dir.resolve(masterclass ? "masterclass.yaml" : "demo.yaml");
        Files.writeString(config, masterclass ? masterclassConfig() : demoConfig(), StandardCharsets.UTF_8);
        return runConfig(config, o.sets, false, o, all);
    }

    private static StoppingMuonSamples.Size stoppingMuonSize(String s) throws ConfigException {
        return switch (s.toLowerCase(Locale.ROOT)) {
        case "full", "default" -> StoppingMuonSamples.Size.DEFAULT;
        case "small" -> StoppingMuonSamples.Size.SMALL;
        default -> throw new ConfigException("", "--size must be small or full (= default) but was '" + s + "'");
        };
    }

    /** Overrides of the standard analysis for the small synthetic samples (10,000 level-2 MC events). */
    public static final List<String> SMALL_STOPPING_MUON_SETTINGS = List.of("train_size=600", "test_size=250", "n_proxy_bins=10", "n_range_bins=5", "n_energy_bins=5", "energy_max=6000",
            "effective_area_iteration_number=10");

    /** Name of the marker file recording which stopping-muon samples a demo data folder holds. */
    static final String STOPPING_MUON_MARKER = ".stopping-muons-generated";

    /**
     * Makes sure {@code data} holds the synthetic stopping-muon samples of {@code size} with seed
     * {@link #DEMO_SEED} (and the theory table), generating them if not; the marker
     * ({@value #STOPPING_MUON_MARKER}) is written only after all files are complete.
     *
     * @return true if the samples were generated, false if the existing ones were reused
     */
    public static boolean prepareStoppingMuonSamples(Path data, StoppingMuonSamples.Size size, int threads)
            throws IOException {
        Path marker = data.resolve(STOPPING_MUON_MARKER);
        String text = "synthetic stopping-muon samples: size=" + size.name().toLowerCase(Locale.ROOT) + " seed="
                + DEMO_SEED + "\n";
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(text)
                && Files.isRegularFile(data.resolve(StoppingMuonSamples.flatFileName(StoppingMuonSamples.MC)))
                && Files.isRegularFile(data.resolve(StoppingMuonSamples.flatFileName(StoppingMuonSamples.DATA)))
                && Files.isRegularFile(data.resolve(StoppingMuonSamples.flatFileName(StoppingMuonSamples.MC_L0)))
                && Files.isRegularFile(data.resolve(StoppingMuonSamples.THEORY_FILE))) {
            return false;
        }
        Files.createDirectories(data);
        Files.deleteIfExists(marker);
        StoppingMuonSamples.write(data, DEMO_SEED, size, threads, false); // the analysis reads the flat layout
        Files.writeString(marker, text, StandardCharsets.UTF_8);
        return true;
    }

    /** @return the stopping-muon standard analysis shipped with this bundle (= examples/standard_analysis.yaml) */
    public static String standardAnalysisConfig() throws IOException {
        return resource("/demo/standard_analysis.yaml");
    }

    /**
     * Makes sure {@code data} holds the synthetic KASCADE samples of {@code size} with seed
     * {@link #DEMO_SEED}, generating them if not. The folder's marker file ({@value #DEMO_MARKER})
     * names the size and seed of the files present; it is removed before generating and written
     * after the three files are complete, so samples of one size are never taken for another's,
     * and an interrupted generation is redone.
     *
     * @param threads generator threads, >= 1
     * @return true if the samples were generated, false if the existing ones were reused
     * @throws IOException if the folder cannot be written
     */
    public static boolean prepareDemoSamples(Path data, KascadeSamples.Size size, int threads) throws IOException {
        if (demoSamplesReusable(data, size)) {
            return false;
        }
        Path marker = data.resolve(DEMO_MARKER);
        Files.createDirectories(data);
        Files.deleteIfExists(marker);
        // markers of earlier versions (one per size) would otherwise vouch for files about to be overwritten
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(data, ".generated-*")) {
            for (Path old : ds) {
                Files.delete(old);
            }
        }
        KascadeSamples.write(data, DEMO_SEED, size, threads);
        Files.writeString(marker, demoMarkerText(size), StandardCharsets.UTF_8);
        return true;
    }

    /**
     * @return whether {@code data} holds the complete demo samples of {@code size}: its marker names
     *         that size and {@link #DEMO_SEED}, and the three files exist
     * @throws IOException if the marker cannot be read
     */
    public static boolean demoSamplesReusable(Path data, KascadeSamples.Size size) throws IOException {
        Path marker = data.resolve(DEMO_MARKER);
        return Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).equals(demoMarkerText(size))
                && Files.isRegularFile(data.resolve(KascadeSamples.DATA_FILE))
                && Files.isRegularFile(data.resolve(KascadeSamples.SIMULATION_FILE))
                && Files.isRegularFile(data.resolve(KascadeSamples.EVENTS_FILE));
    }

    private static String demoMarkerText(KascadeSamples.Size size) {
        return "synthetic KASCADE samples: size=" + size.name().toLowerCase(Locale.ROOT) + " seed=" + DEMO_SEED + "\n";
    }

    /** @return the demo workflow configuration shipped with this bundle */
    public static String demoConfig() throws IOException {
        return resource("/demo/kascade-demo.yaml");
    }

    /** @return the KASCADE masterclass configuration shipped with this bundle (= examples/masterclass.yaml) */
    public static String masterclassConfig() throws IOException {
        return resource("/demo/masterclass.yaml");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FluxionCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("configuration " + name + " missing from bundle org.fluxion.app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int list(List<String> args) throws ConfigException {
        Options o = parse(args, List.of(), List.of("--settings"));
        out.print(listing(registry, o.settings));
        out.print(unfolderListing(unfolders == null ? List.of() : unfolders.all(), o.settings));
        return OK;
    }

    /** @return the unfolder part of {@code fluxion list} */
    public static String unfolderListing(List<RegisteredUnfolder> all, boolean settings) {
        StringBuilder sb = new StringBuilder("Installed unfolders (id, title, providing bundle, ranking):\n");
        if (all.isEmpty()) {
            sb.append("  (none: no bundle provides org.fluxion.unfolding.api.UnfolderProvider)\n");
        }
        String previous = null;
        for (RegisteredUnfolder u : all) {
            if (u.id().equals(previous)) {
                sb.append(String.format(Locale.ROOT, "  %-18s   shadowed: %s (ranking %d)%n", "", u.origin(), u.ranking()));
                continue;
            }
            previous = u.id();
            sb.append(String.format(Locale.ROOT, "  %-18s %-40s %s (ranking %d)%n", u.id(),
                    u.provider().descriptor().title(), u.origin(), u.ranking()));
            if (settings) {
                sb.append("      ").append(u.provider().descriptor().description()).append('\n');
                describeRecord(sb, u.provider().descriptor().settingsType(), "      ");
            }
        }
        return sb.toString();
    }

    private int unfold(List<String> args, List<String> all) throws Exception {
        Options o = parse(args, List.of("--response", "--observed", "--efficiency", "--truth", "--background", "--method",
                "--out", "--seed", "--threads", "--scan", "--quantity", "--unit"), List.of());
        if (!o.positional.isEmpty()) {
            throw new ConfigException("", "unfold takes only options but got " + o.positional);
        }
        for (String required : List.of("--response", "--observed", "--out")) {
            if (!o.values.containsKey(required)) {
                throw new ConfigException("", "unfold needs " + required + " (see fluxion --help)");
            }
        }
        Path outDir = Path.of(o.values.get("--out")).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        StringBuilder y = new StringBuilder();
        y.append("unique_name: ").append(quote(outDir.getFileName().toString())).append('\n');
        y.append("output_path: ").append(quote(outDir.getParent().toString())).append('\n');
        y.append("seed: ").append(seed(o.values.getOrDefault("--seed", "1"))).append('\n');
        y.append("steps:\n  - id: unfold\n    use: unfold_histograms\n    with:\n");
        y.append("      method: ").append(quote(o.values.getOrDefault("--method", "llh"))).append('\n');
        for (String k : List.of("response", "observed", "efficiency", "truth", "background", "quantity", "unit")) {
            String v = o.values.get("--" + k);
            if (v != null) {
                y.append("      ").append(k).append(": ").append(quote(v)).append('\n');
            }
        }
        String scan = o.values.get("--scan");
        if (scan != null) {
            String[] p = scan.split(":");
            if (p.length != 3) {
                throw new ConfigException("", "--scan must be MIN:MAX:N (e.g. 1e-3:1e3:30) but was '" + scan + "'");
            }
            y.append("      scan: {enabled: true, min: ").append(p[0]).append(", max: ").append(p[1])
                    .append(", steps: ").append(p[2]).append("}\n");
        }
        List<String> sets = new ArrayList<>();
        for (String s : o.sets) {
            sets.add("unfold.method_settings." + s);
        }
        WorkflowConfig config = WorkflowConfig.parse(y.toString(), "fluxion unfold", cwd, sets);
        Engine engine = new Engine(registry, renderer);
        Plan plan = engine.plan(config, false);
        RunResult r = engine.run(plan, new RunOptions(threads(o, 0), cancel, new ConsoleProgress(out),
                List.of(all.toArray(String[]::new)), platform));
        out.printf(Locale.ROOT, "fluxion: unfolding written to %s (%.2f s)%n", r.folder(), r.seconds());
        return OK;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** @return the text of {@code fluxion list}: every step id with its provider and any shadowed ones */
    public static String listing(StepRegistry registry, boolean settings) {
        StringBuilder sb = new StringBuilder("Installed steps (id, title, providing bundle, ranking):\n");
        if (registry.ids().isEmpty()) {
            sb.append("  (none: no bundle provides org.fluxion.api.workflow.StepProvider)\n");
        }
        for (String id : registry.ids()) {
            RegisteredStep w = registry.resolve(id);
            StepDescriptor<?> d = w.provider().descriptor();
            sb.append(String.format(Locale.ROOT, "  %-18s %-40s %s (ranking %d)%n", id, d.title(), w.origin(),
                    w.ranking()));
            for (RegisteredStep s : registry.shadowed(id)) {
                sb.append(String.format(Locale.ROOT, "  %-18s   shadowed: %s (ranking %d)%n", "", s.origin(), s.ranking()));
            }
            if (settings) {
                settingsText(sb, d);
            }
        }
        return sb.toString();
    }

    private static void settingsText(StringBuilder sb, StepDescriptor<?> d) {
        sb.append("      ").append(d.description()).append('\n');
        d.inputs().forEach(p -> sb.append("      in  ").append(p.name()).append(": ").append(p.type().getSimpleName())
                .append(p.optional() ? " (optional)" : "").append('\n'));
        d.outputs().forEach(p -> sb.append("      out ").append(p.name()).append(": ").append(p.type().getSimpleName())
                .append('\n'));
        describeRecord(sb, d.settingsType(), "      ");
    }

    private static void describeRecord(StringBuilder sb, Class<?> type, String indent) {
        for (RecordComponent rc : type.getRecordComponents()) {
            Setting s = rc.getAnnotation(Setting.class);
            sb.append(indent).append(SettingsBinder.key(rc.getName())).append(" (").append(typeName(rc)).append(')');
            if (s != null) {
                if (!s.unit().isEmpty()) {
                    sb.append(" [").append(s.unit()).append(']');
                }
                sb.append(Setting.REQUIRED.equals(s.defaultValue()) ? ", required" : ", default " + s.defaultValue());
                sb.append(": ").append(s.description());
            }
            sb.append('\n');
            if (rc.getType().isRecord()) {
                describeRecord(sb, rc.getType(), indent + "  ");
            }
        }
    }

    private static String typeName(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p) {
            return p.getTypeName().replaceAll("[a-z]+\\.|\\w+\\$", "");
        }
        return rc.getType().isEnum() ? String.join("|", enumNames(rc.getType())) : rc.getType().getSimpleName();
    }

    private static List<String> enumNames(Class<?> e) {
        List<String> l = new ArrayList<>();
        for (Object c : e.getEnumConstants()) {
            l.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
        }
        return l;
    }
}
