package org.fluxion.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The stopping-muon preset: maps the seed's flat {@code standard_analysis.yaml} keys (every key of
 * "Running the analysis") onto the general workflow form
 * {@code load → cuts → reco_checks → effective_area_{range,energy} → unfold_{range,energy} →
 * systematics_{range,energy} → fits}. A configuration is flat when it has no {@code steps:} list and
 * has {@code inputs:}. The original value nodes are reused, so a binding error still names the line
 * and column of the flat key in the user's file. Flags decide which steps are enabled; the resolved
 * configuration written to the run folder is the general form, which reruns as is.
 *
 * <p>Documented in {@code docs/config.md}; {@code examples/standard_analysis.yaml} sets every key.
 */
public final class StandardAnalysisPreset {
    /** Keys of the general form that a flat configuration may also use. */
    static final Set<String> GENERAL = Set.of("unique_name", "output_path", "seed", "threads", "description",
            "base_directory");

    /** Every flat key of the seed (plus {@code plot correlations}, the seed's spelling with a space). */
    public static final Set<String> FLAT_KEYS = Set.copyOf(List.of(
            // loading
            "inputs", "keys", "model", "cut_exceptions",
            // cuts
            "filtermask", "cuts",
            // reconstructions
            "evaluate_score_distribution", "plot_multiplicity", "plot_correlations", "plot correlations",
            "plot_data_mc_agreement", "analyse_mi_scores", "observables",
            // effective area
            "calculate_effective_area_range", "calculate_effective_area_energy", "load_effective_area_range",
            "load_effective_area_energy", "effective_area_iteration_number", "include_effective_area_syst_unc",
            // unfolding
            "is_sim", "unfold_range", "optimize_unfolding_range", "load_unfolding_range_results",
            "plot_results_range", "evaluate_unfolding_range", "unfold_energy", "optimize_unfolding_energy",
            "mceq_path", "load_unfolding_energy_results", "plot_results_energy", "evaluate_unfolding_energy",
            "train_size", "test_size", "reg_range", "reg_energy", "epsilon", "plot_systematics", "bin_index",
            "reg_min", "reg_max", "n_steps", "include_systematics", "n_used_steps", "n_burn_steps", "n_walkers",
            "range_fit", "energy_fit",
            // Fluxion additions
            "unfolding_method",
            // systematics
            "data_based_systematics_range", "calculate_effective_area_systematics_range",
            "data_based_systematics_energy", "calculate_effective_area_systematics_energy", "sectors",
            // binning
            "range_min", "range_max", "n_range_bins", "n_proxy_bins", "range_log", "energy_min", "energy_max",
            "n_energy_bins", "energy_log"));

    private final String source;
    private final Map<String, NodeTuple> keys;

    private StandardAnalysisPreset(String source, Map<String, NodeTuple> keys) {
        this.source = source;
        this.keys = keys;
    }

    /** @return whether {@code top} is a flat (seed-style) configuration: no 'steps', but 'inputs' */
    public static boolean applies(MappingNode top) {
        boolean steps = false, inputs = false;
        for (NodeTuple t : top.getValue()) {
            String k = SettingsBinder.scalarText(t.getKeyNode());
            steps |= "steps".equals(k);
            inputs |= "inputs".equals(k);
        }
        return inputs && !steps;
    }

    /**
     * Expands a flat configuration into the general form.
     *
     * @throws ConfigException for an unknown key or a flag that is not true/false, with line and column
     */
    public static MappingNode expand(MappingNode top, String source) throws ConfigException {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : top.getValue()) {
            String k = SettingsBinder.scalarText(t.getKeyNode());
            if (k == null || !(FLAT_KEYS.contains(k) || GENERAL.contains(k))) {
                Set<String> valid = new java.util.TreeSet<>(FLAT_KEYS);
                valid.addAll(GENERAL);
                throw new ConfigException(WorkflowConfig.loc(source, t.getKeyNode()), "unknown key '" + k
                        + "' in a flat stopping-muon configuration (no 'steps:' list); valid keys: "
                        + String.join(", ", valid));
            }
            keys.put(k.equals("plot correlations") ? "plot_correlations" : k, t);
        }
        return new StandardAnalysisPreset(source, keys).build(top);
    }

    private MappingNode build(MappingNode top) throws ConfigException {
        List<NodeTuple> out = new ArrayList<>();
        for (String g : List.of("unique_name", "output_path", "seed", "threads", "description", "base_directory")) {
            if (keys.containsKey(g)) {
                out.add(keys.get(g));
            }
        }
        if (!keys.containsKey("unique_name")) {
            out.add(tuple("unique_name", scalar("standard_analysis")));
        }
        List<Node> steps = new ArrayList<>();

        steps.add(step("load", "load_hdf5", Map.of(), true, copy("inputs", "keys", "model", "cut_exceptions")));
        steps.add(step("cuts", "cuts", Map.of("samples", "load.samples"), true, copy("filtermask", "cuts")));

        boolean reco = flag("evaluate_score_distribution") | flag("plot_multiplicity") | flag("plot_correlations")
                | flag("plot_data_mc_agreement") | flag("analyse_mi_scores");
        List<NodeTuple> recoWith = copy("evaluate_score_distribution", "plot_multiplicity", "plot_correlations",
                "plot_data_mc_agreement", "analyse_mi_scores", "observables");
        Node scoreCut = scoreCut();
        if (scoreCut != null) {
            recoWith.add(tuple("score_cut", scoreCut));
        }
        Map<String, String> recoIn = new LinkedHashMap<>();
        recoIn.put("samples", "cuts.samples");
        recoIn.put("uncut", "load.samples");
        steps.add(step("reco_checks", "reco_checks", recoIn, reco, recoWith));

        Map<String, Boolean> areaOn = new LinkedHashMap<>();
        Map<String, Boolean> unfoldOn = new LinkedHashMap<>();
        for (String q : List.of("range", "energy")) {
            boolean on = flag("calculate_effective_area_" + q) | flag("load_effective_area_" + q);
            areaOn.put(q, on);
            List<NodeTuple> with = new ArrayList<>();
            with.add(tuple("quantity", scalar(q)));
            with.addAll(binning(q, false));
            with.addAll(rename(Map.of("effective_area_iteration_number", "iterations",
                    "include_effective_area_syst_unc", "include_syst_unc", "load_effective_area_" + q, "load")));
            steps.add(step("effective_area_" + q, "effective_area", Map.of("samples", "cuts.samples"), on, with));
        }
        for (String q : List.of("range", "energy")) {
            boolean on = flag("unfold_" + q) | flag("load_unfolding_" + q + "_results");
            unfoldOn.put(q, on);
            Map<String, String> in = new LinkedHashMap<>();
            in.put("samples", "cuts.samples");
            if (areaOn.get(q)) {
                in.put("effective_area", "effective_area_" + q + ".effective_area");
            } else if (on && (flag("plot_results_" + q) || flag(q + "_fit"))) {
                throw new ConfigException(where("plot_results_" + q), "plot_results_" + q + " / " + q
                        + "_fit need a flux, which needs the effective area: set calculate_effective_area_" + q
                        + " or load_effective_area_" + q + " to true");
            }
            List<NodeTuple> with = new ArrayList<>();
            with.add(tuple("quantity", scalar(q)));
            with.addAll(binning(q, true));
            Map<String, String> names = new LinkedHashMap<>();
            names.put("is_sim", "is_sim");
            names.put("train_size", "train_size");
            names.put("test_size", "test_size");
            names.put("reg_" + q, "reg");
            names.put("optimize_unfolding_" + q, "optimize");
            names.put("reg_min", "reg_min");
            names.put("reg_max", "reg_max");
            names.put("n_steps", "n_steps");
            names.put("n_walkers", "n_walkers");
            names.put("n_burn_steps", "n_burn_steps");
            names.put("n_used_steps", "n_used_steps");
            names.put("include_systematics", "include_systematics");
            names.put("epsilon", "epsilon");
            names.put("plot_systematics", "plot_systematics");
            names.put("bin_index", "bin_index");
            names.put("load_unfolding_" + q + "_results", "load");
            names.put("plot_results_" + q, "plot_results");
            names.put("evaluate_unfolding_" + q, "evaluate");
            names.put("unfolding_method", "method");
            if (q.equals("energy")) {
                names.put("mceq_path", "mceq_path");
            }
            with.addAll(rename(names));
            steps.add(step("unfold_" + q, "unfold_flux", in, on, with));
        }
        for (String q : List.of("range", "energy")) {
            boolean on = flag("data_based_systematics_" + q) | flag("calculate_effective_area_systematics_" + q);
            if (on && !(unfoldOn.get(q) && areaOn.get(q))) {
                String key = flag("data_based_systematics_" + q) ? "data_based_systematics_" + q
                        : "calculate_effective_area_systematics_" + q;
                throw new ConfigException(where(key), key + " needs the " + q + " unfolding and its effective area: set "
                        + "unfold_" + q + " and calculate_effective_area_" + q + " (or the load_ flags) to true");
            }
            if (on && !keys.containsKey("sectors")) {
                throw new ConfigException(where("data_based_systematics_" + q), "systematics for " + q
                        + " need 'sectors' (cuts on reconstructions that split the detector)");
            }
            Map<String, String> in = new LinkedHashMap<>();
            in.put("samples", "cuts.samples");
            in.put("effective_area", "effective_area_" + q + ".effective_area");
            in.put("unfolded", "unfold_" + q + ".unfolded");
            in.put("flux", "unfold_" + q + ".flux");
            List<NodeTuple> with = new ArrayList<>();
            with.add(tuple("quantity", scalar(q)));
            with.addAll(binning(q, true));
            Map<String, String> names = new LinkedHashMap<>();
            names.put("sectors", "sectors");
            names.put("calculate_effective_area_systematics_" + q, "calculate_effective_area");
            names.put("data_based_systematics_" + q, "data_based");
            names.put("reg_" + q, "reg");
            names.put("unfolding_method", "method");
            with.addAll(rename(names));
            steps.add(step("systematics_" + q, "systematics", in, on, with));
        }
        boolean fits = flag("range_fit") | flag("energy_fit");
        Map<String, String> fitIn = new LinkedHashMap<>();
        for (String q : List.of("range", "energy")) {
            if (flag(q + "_fit")) {
                if (!unfoldOn.get(q)) {
                    throw new ConfigException(where(q + "_fit"), q + "_fit needs the " + q + " unfolding: set unfold_" + q
                            + " (or load_unfolding_" + q + "_results) to true");
                }
                fitIn.put(q + "_flux", "unfold_" + q + ".flux");
                fitIn.put(q + "_effective_area", "effective_area_" + q + ".effective_area");
            }
        }
        steps.add(step("fits", "muon_fits", fitIn, fits, copy("range_fit", "energy_fit", "mceq_path")));

        out.add(tuple("steps", new SequenceNode(Tag.SEQ, steps, DumperOptions.FlowStyle.BLOCK)));
        return new MappingNode(Tag.MAP, out, DumperOptions.FlowStyle.BLOCK);
    }

    /** The score cut for the reconstruction checks: the lower bound of {@code cuts: {score: x}} if given so. */
    private Node scoreCut() {
        NodeTuple cuts = keys.get("cuts");
        if (cuts == null || !(cuts.getValueNode() instanceof MappingNode m)) {
            return null;
        }
        for (NodeTuple t : m.getValue()) {
            if ("score".equals(SettingsBinder.scalarText(t.getKeyNode())) && t.getValueNode() instanceof ScalarNode) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private List<NodeTuple> binning(String q, boolean proxyAndModel) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(q + "_min", "min");
        names.put(q + "_max", "max");
        names.put("n_" + q + "_bins", "bins");
        names.put(q + "_log", "log");
        if (proxyAndModel) {
            names.put("n_proxy_bins", "proxy_bins");
            names.put("model", "model");
        }
        return rename(names);
    }

    private boolean flag(String key) throws ConfigException {
        NodeTuple t = keys.get(key);
        if (t == null) {
            return false;
        }
        String v = SettingsBinder.scalarText(t.getValueNode());
        if ("true".equals(v) || "True".equals(v)) {
            return true;
        }
        if ("false".equals(v) || "False".equals(v) || v == null || v.equals("null") || v.equals("~")) {
            return false;
        }
        throw new ConfigException(where(key), "'" + key + "' must be true or false but was '" + v + "'");
    }

    private String where(String key) {
        NodeTuple t = keys.get(key);
        return WorkflowConfig.loc(source, t == null ? null : t.getKeyNode());
    }

    private List<NodeTuple> copy(String... names) {
        List<NodeTuple> out = new ArrayList<>();
        for (String n : names) {
            NodeTuple t = keys.get(n);
            if (t != null) {
                out.add(new NodeTuple(markedKey(n, t), t.getValueNode()));
            }
        }
        return out;
    }

    private List<NodeTuple> rename(Map<String, String> names) {
        List<NodeTuple> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            NodeTuple t = keys.get(e.getKey());
            if (t != null && seen.add(e.getValue())) {
                out.add(new NodeTuple(markedKey(e.getValue(), t), t.getValueNode()));
            }
        }
        return out;
    }

    private static Node step(String id, String use, Map<String, String> in, boolean enabled, List<NodeTuple> with) {
        List<NodeTuple> s = new ArrayList<>();
        s.add(tuple("id", scalar(id)));
        s.add(tuple("use", scalar(use)));
        if (!in.isEmpty()) {
            List<NodeTuple> ins = new ArrayList<>();
            in.forEach((k, v) -> ins.add(tuple(k, scalar(v))));
            s.add(tuple("in", new MappingNode(Tag.MAP, ins, DumperOptions.FlowStyle.FLOW)));
        }
        if (!enabled) {
            s.add(tuple("enabled", new ScalarNode(Tag.BOOL, "false", null, null, DumperOptions.ScalarStyle.PLAIN)));
        }
        s.add(tuple("with", new MappingNode(Tag.MAP, with, DumperOptions.FlowStyle.BLOCK)));
        return new MappingNode(Tag.MAP, s, DumperOptions.FlowStyle.BLOCK);
    }

    /** A key node named {@code key} at the flat key's position, so errors about it name the user's line. */
    private static ScalarNode markedKey(String key, NodeTuple flat) {
        Node k = flat.getKeyNode();
        return new ScalarNode(Tag.STR, key, k.getStartMark(), k.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static NodeTuple tuple(String key, Node value) {
        return new NodeTuple(scalar(key), value);
    }

    private static ScalarNode scalar(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    /**
     * Where each flat key goes, traced through the expansion itself (so the documentation cannot
     * drift from this code): flat key → {@code step.setting} entries, or "top level" for the
     * general keys.
     */
    public static Map<String, List<String>> destinations() {
        StringBuilder y = new StringBuilder();
        for (String k : new java.util.TreeSet<>(FLAT_KEYS)) {
            if (k.equals("plot correlations")) {
                continue;
            }
            String v = switch (k) {
            case "inputs", "keys", "cuts" -> "{x: 1}";
            case "sectors" -> "{a: {x: [0, 1]}}";
            case "cut_exceptions", "observables" -> "[x]";
            case "model", "filtermask", "mceq_path", "unfolding_method" -> "x";
            default -> k.startsWith("n_") || k.endsWith("_min") || k.endsWith("_max") || k.startsWith("reg_")
                    || k.endsWith("_size") || k.equals("epsilon") || k.equals("bin_index")
                    || k.equals("effective_area_iteration_number") ? "1" : "true";
            };
            y.append('"').append(k).append("\": ").append(v).append('\n');
        }
        for (String g : GENERAL) {
            y.append(g).append(": x\n");
        }
        MappingNode top = (MappingNode) new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(y.toString()));
        java.util.IdentityHashMap<Node, String> origin = new java.util.IdentityHashMap<>();
        for (NodeTuple t : top.getValue()) {
            origin.put(t.getValueNode(), SettingsBinder.scalarText(t.getKeyNode()));
        }
        MappingNode expanded;
        try {
            expanded = expand(top, "reference");
        } catch (ConfigException e) {
            throw new IllegalStateException("the reference configuration does not expand: " + e.getMessage(), e);
        }
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (NodeTuple t : expanded.getValue()) {
            String k = SettingsBinder.scalarText(t.getKeyNode());
            if (origin.containsKey(t.getValueNode())) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add("top level");
            }
            if (!"steps".equals(k)) {
                continue;
            }
            for (Node st : ((SequenceNode) t.getValueNode()).getValue()) {
                String id = null;
                for (NodeTuple e : ((MappingNode) st).getValue()) {
                    String ek = SettingsBinder.scalarText(e.getKeyNode());
                    if ("id".equals(ek)) {
                        id = SettingsBinder.scalarText(e.getValueNode());
                    } else if ("with".equals(ek)) {
                        for (NodeTuple w : ((MappingNode) e.getValueNode()).getValue()) {
                            String from = origin.get(w.getValueNode());
                            if (from != null) {
                                out.computeIfAbsent(from, x -> new ArrayList<>())
                                        .add(id + "." + SettingsBinder.scalarText(w.getKeyNode()));
                            }
                        }
                    }
                }
            }
        }
        for (String q : List.of("range", "energy")) {
            out.computeIfAbsent("calculate_effective_area_" + q, x -> new ArrayList<>()).add("enables effective_area_" + q);
            out.computeIfAbsent("unfold_" + q, x -> new ArrayList<>()).add("enables unfold_" + q);
        }
        return out;
    }
}
