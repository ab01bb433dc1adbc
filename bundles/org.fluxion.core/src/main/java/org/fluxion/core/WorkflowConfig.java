package org.fluxion.core;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A parsed analysis configuration in the general form:
 *
 * <pre>
 * unique_name: demo          # run folder name
 * output_path: runs          # parent folder of run folders (relative to the config file)
 * seed: 1337                 # run seed; every step gets its own stream derived from it
 * threads: 0                 # worker threads, 0 = all cores
 * base_directory: ..         # optional: folder for relative paths (default: the config file's folder)
 * steps:
 *   - id: load               # instance name (defaults to 'use')
 *     use: load_text         # step id of an installed provider
 *     with: {...}            # the step's settings
 *   - id: hist
 *     use: histogram
 *     in: {samples: load.samples}
 *     with: {...}
 * </pre>
 *
 * Immutable. Settings stay unbound until the engine plans the run.
 */
public final class WorkflowConfig {
    private static final Set<String> TOP_KEYS = Set.of("unique_name", "output_path", "seed", "threads",
            "description", "base_directory", "steps");
    private static final Set<String> STEP_KEYS = Set.of("id", "use", "in", "with", "enabled");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final String source;
    private final Path baseDirectory;
    private final String text;
    private final String uniqueName;
    private final String outputPath;
    private final long seed;
    private final int threads;
    private final String description;
    private final List<StepConfig> steps;
    private final List<String> overrides;

    private WorkflowConfig(String source, Path baseDirectory, String text, String uniqueName, String outputPath,
            long seed, int threads, String description, List<StepConfig> steps, List<String> overrides) {
        this.source = source;
        this.baseDirectory = baseDirectory;
        this.text = text;
        this.uniqueName = uniqueName;
        this.outputPath = outputPath;
        this.seed = seed;
        this.threads = threads;
        this.description = description;
        this.steps = List.copyOf(steps);
        this.overrides = List.copyOf(overrides);
    }

    /**
     * Reads and parses a configuration file.
     *
     * @param overrides {@code key=value} items ({@code seed=7}, {@code hist.bins=20}, {@code
     *                  hist.histograms.0.bins=20}) applied before parsing the steps
     * @throws ConfigException on any syntax or structure error, with file, line and column
     * @throws IOException     if the file cannot be read
     */
    public static WorkflowConfig load(Path file, List<String> overrides) throws ConfigException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("", "configuration file not found: " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), base, overrides);
    }

    /** Parses configuration text; {@code source} names it in messages, {@code baseDirectory} resolves paths. */
    public static WorkflowConfig parse(String text, String source, Path baseDirectory, List<String> overrides)
            throws ConfigException {
        Node root;
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setAllowDuplicateKeys(false);
            root = new Yaml(opts).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            throw new ConfigException(source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1),
                    "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(source, "invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(source, "the configuration must be a mapping with a 'steps:' list");
        }
        if (StandardAnalysisPreset.applies(top)) {
            List<String> stepOverrides = new ArrayList<>();
            for (String o : overrides) {
                int eq = o.indexOf('=');
                String key = eq > 0 ? o.substring(0, eq).trim() : o;
                if (eq > 0 && !key.contains(".")) {
                    put(top, key, overrideValue(o.substring(eq + 1)));
                } else {
                    stepOverrides.add(o);
                }
            }
            top = StandardAnalysisPreset.expand(top, source);
            for (String o : stepOverrides) {
                applyOverride(top, o);
            }
        } else {
            for (String o : overrides) {
                applyOverride(top, o);
            }
        }
        Map<String, NodeTuple> keys = mapping(top, source, TOP_KEYS, "top level");
        String uniqueName = text(keys, "unique_name", source, "run");
        if (!NAME.matcher(uniqueName).matches()) {
            throw new ConfigException(loc(source, keys.get("unique_name").getValueNode()),
                    "'unique_name' must be a folder name of letters, digits, '_', '.', '-' but was '" + uniqueName + "'");
        }
        String outputPath = text(keys, "output_path", source, "runs");
        long seed = integer(keys, "seed", source, 1337);
        long threads = integer(keys, "threads", source, 0);
        if (threads < 0 || threads > 1024) {
            throw new ConfigException(loc(source, keys.get("threads").getValueNode()),
                    "'threads' must be in [0, 1024] (0 = all cores) but was " + threads);
        }
        String description = text(keys, "description", source, "");
        String base = text(keys, "base_directory", source, null);
        if (base != null) {
            baseDirectory = baseDirectory == null ? Path.of(base) : baseDirectory.resolve(base).normalize();
        }
        NodeTuple stepsTuple = keys.get("steps");
        if (stepsTuple == null || !(stepsTuple.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new ConfigException(loc(source, stepsTuple == null ? top : stepsTuple.getValueNode()),
                    "'steps' must be a non-empty list of {id, use, in, with} entries");
        }
        List<StepConfig> steps = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof MappingNode sm)) {
                throw new ConfigException(loc(source, n), "each entry of 'steps' must be a mapping with 'use:'");
            }
            Map<String, NodeTuple> sk = mapping(sm, source, STEP_KEYS, "step entry");
            if (!sk.containsKey("use")) {
                throw new ConfigException(loc(source, sm), "step entry needs 'use: <step id>' (see 'fluxion list')");
            }
            String use = text(sk, "use", source, null);
            String name = text(sk, "id", source, use);
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException(loc(source, sk.containsKey("id") ? sk.get("id").getValueNode() : sm),
                        "step 'id' must be letters, digits, '_', '.', '-' but was '" + name + "'");
            }
            if (!names.add(name)) {
                throw new ConfigException(loc(source, sm), "step id '" + name
                        + "' is used twice; give each step a unique 'id:'");
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            NodeTuple in = sk.get("in");
            if (in != null) {
                if (!(in.getValueNode() instanceof MappingNode im)) {
                    throw new ConfigException(loc(source, in.getValueNode()),
                            "step '" + name + "': 'in' must map input ports to 'step.port'");
                }
                for (NodeTuple t : im.getValue()) {
                    String port = SettingsBinder.scalarText(t.getKeyNode());
                    String from = SettingsBinder.scalarText(t.getValueNode());
                    if (port == null || from == null || from.isBlank()) {
                        throw new ConfigException(loc(source, t.getKeyNode()),
                                "step '" + name + "': each 'in' entry must be 'port: step.port'");
                    }
                    inputs.put(port, from.trim());
                }
            }
            boolean enabled = true;
            if (sk.containsKey("enabled")) {
                String e = text(sk, "enabled", source, "true");
                if (!e.equals("true") && !e.equals("false")) {
                    throw new ConfigException(loc(source, sk.get("enabled").getValueNode()),
                            "step '" + name + "': 'enabled' must be true or false but was '" + e + "'");
                }
                enabled = Boolean.parseBoolean(e);
            }
            NodeTuple with = sk.get("with");
            steps.add(new StepConfig(name, use, inputs, enabled, loc(source, sm), with == null ? null : with.getValueNode()));
        }
        return new WorkflowConfig(source, baseDirectory, text, uniqueName, outputPath, seed, (int) threads,
                description, steps, overrides);
    }

    private static Map<String, NodeTuple> mapping(MappingNode m, String source, Set<String> allowed, String where)
            throws ConfigException {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = SettingsBinder.scalarText(t.getKeyNode());
            if (k == null || !allowed.contains(k)) {
                throw new ConfigException(loc(source, t.getKeyNode()), "unknown key '" + k + "' at " + where
                        + "; valid keys: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.put(k, t);
        }
        return out;
    }

    private static String text(Map<String, NodeTuple> keys, String key, String source, String fallback)
            throws ConfigException {
        NodeTuple t = keys.get(key);
        if (t == null) {
            return fallback;
        }
        String v = SettingsBinder.scalarText(t.getValueNode());
        if (v == null || v.isBlank()) {
            throw new ConfigException(loc(source, t.getValueNode()), "'" + key + "' must be a non-empty text value");
        }
        return v.trim();
    }

    private static long integer(Map<String, NodeTuple> keys, String key, String source, long fallback)
            throws ConfigException {
        String v = text(keys, key, source, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(loc(source, keys.get(key).getValueNode()),
                    "'" + key + "' must be an integer but was '" + v + "'");
        }
    }

    static String loc(String source, Node node) {
        return SettingsBinder.location(source, node);
    }

    /** Applies {@code path=value}: a top-level key, or {@code step.key[.key|.index]...} inside a step's 'with'. */
    private static void applyOverride(MappingNode top, String override) throws ConfigException {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set", "override must be key=value but was '" + override + "'");
        }
        String path = override.substring(0, eq).trim();
        String valueText = override.substring(eq + 1);
        Node value = overrideValue(valueText);
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            if (!TOP_KEYS.contains(path) || path.equals("steps")) {
                throw new ConfigException("--set", "unknown top-level key '" + path
                        + "' in --set; use unique_name, output_path, seed, threads or <step id>.<key>");
            }
            put(top, path, value);
            return;
        }
        MappingNode step = findStep(top, parts[0]);
        if (step == null) {
            throw new ConfigException("--set", "--set " + path + ": no step with id '" + parts[0] + "'");
        }
        Node with = get(step, "with");
        if (with == null) {
            with = new MappingNode(Tag.MAP, new ArrayList<>(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            put(step, "with", with);
        }
        Node cur = with;
        for (int i = 1; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String p = parts[i];
            if (cur instanceof SequenceNode seq) {
                int idx;
                try {
                    idx = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new ConfigException("--set", "--set " + path + ": '" + p + "' must be a list index");
                }
                if (idx < 0 || idx >= seq.getValue().size()) {
                    throw new ConfigException("--set", "--set " + path + ": index " + idx + " outside the list of "
                            + seq.getValue().size());
                }
                if (last) {
                    seq.getValue().set(idx, value);
                } else {
                    cur = seq.getValue().get(idx);
                }
            } else if (cur instanceof MappingNode m) {
                if (last) {
                    put(m, p, value);
                } else {
                    Node next = get(m, p);
                    if (next == null) {
                        next = new MappingNode(Tag.MAP, new ArrayList<>(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
                        put(m, p, next);
                    }
                    cur = next;
                }
            } else {
                throw new ConfigException("--set", "--set " + path + ": '" + parts[i - 1] + "' is a single value");
            }
        }
    }

    private static MappingNode findStep(MappingNode top, String name) {
        Node steps = get(top, "steps");
        if (!(steps instanceof SequenceNode seq)) {
            return null;
        }
        for (Node n : seq.getValue()) {
            if (n instanceof MappingNode m) {
                String id = SettingsBinder.scalarText(get(m, "id"));
                if (id == null) {
                    id = SettingsBinder.scalarText(get(m, "use"));
                }
                if (name.equals(id)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Node get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key.equals(SettingsBinder.scalarText(t.getKeyNode()))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static void put(MappingNode m, String key, Node value) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (key.equals(SettingsBinder.scalarText(tuples.get(i).getKeyNode()))) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null,
                org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN), value));
    }

    /** @return name used in messages (usually the file path) */
    public String source() {
        return source;
    }

    /** @return folder that relative paths are resolved against */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** @return the configuration text as read */
    public String text() {
        return text;
    }

    /** @return run folder name */
    public String uniqueName() {
        return uniqueName;
    }

    /** @return parent folder of the run folder as written (resolve with {@link #baseDirectory()}) */
    public String outputPath() {
        return outputPath;
    }

    /** @return run seed */
    public long seed() {
        return seed;
    }

    /** @return worker threads, 0 = all cores */
    public int threads() {
        return threads;
    }

    /** @return free-text description */
    public String description() {
        return description;
    }

    /** @return the steps in order */
    public List<StepConfig> steps() {
        return steps;
    }

    /** @return the --set overrides applied */
    public List<String> overrides() {
        return overrides;
    }

    private static Node overrideValue(String valueText) {
        Node value = new Yaml().compose(new StringReader(valueText.isEmpty() ? "''" : valueText));
        if (value == null) {
            value = new ScalarNode(Tag.NULL, "null", null, null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        }
        return value;
    }
}
