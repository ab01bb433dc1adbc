package org.fluxion.ui.internal;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and edits the {@code steps:} entries of configuration text in place, keeping the user's
 * comments, order and layout: a value is replaced where it stands, a missing key is added as a new
 * line (block mappings) or a new entry (flow mappings {@code {a: 1}}). Stateless; all methods are
 * pure functions of their arguments and thread-safe.
 */
public final class ConfigText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./+ -]*[A-Za-z0-9_./+-]|[A-Za-z_/.]");
    private static final Pattern YAML_SPECIAL = Pattern.compile(
            "(?i)true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.inf|\\.nan|[0-9].*)");

    private ConfigText() {
    }

    /**
     * The explicit values of a step's {@code with:} block.
     *
     * @return key → YAML source text of its value (e.g. {@code "50"}, {@code "{path: a.txt}"}), in
     *         file order; empty if the step has no {@code with:} block
     * @throws IllegalArgumentException if the text is not valid YAML or has no such step
     */
    public static Map<String, String> stepSettings(String text, String step) {
        MappingNode entry = step(compose(text), step);
        Map<String, String> out = new LinkedHashMap<>();
        Node with = get(entry, "with");
        if (with instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = scalar(t.getKeyNode());
                if (k != null) {
                    out.put(k, source(text, t.getValueNode()));
                }
            }
        }
        return out;
    }

    /**
     * The YAML source text of a value inside a step entry ({@code ["with", "method_settings",
     * "max_iterations"]}), or null if it is not written there.
     *
     * @throws IllegalArgumentException if the text is not valid YAML or has no such step
     */
    public static String valueText(String text, String step, List<String> path) {
        Node n = step(compose(text), step);
        for (String key : path) {
            if (!(n instanceof MappingNode m)) {
                return null;
            }
            n = get(m, key);
        }
        return n == null ? null : source(text, n);
    }

    /**
     * Sets a value inside a step entry: {@code path} {@code ["with", "bins"]} sets the setting
     * {@code bins}, {@code ["enabled"]} the step's enabled flag. Missing mappings on the way are
     * created as flow mappings.
     *
     * @param value YAML text of the new value (see {@link #scalarText})
     * @return the edited text
     * @throws IllegalArgumentException if the text is not valid YAML, has no such step, or a key on
     *                                  the path holds something other than a mapping
     */
    public static String set(String text, String step, List<String> path, String value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty key path");
        }
        return setIn(text, step(compose(text), step), path, 0, value);
    }

    /**
     * Formats a value for the configuration: numbers, booleans and enum names as given; text plain
     * when that reads back as the same text, otherwise single-quoted.
     *
     * @param text the value as the user typed it (for text values: the text itself, unquoted)
     * @param type the setting's Java type
     */
    public static String scalarText(String text, Class<?> type) {
        if (type != String.class) {
            return text.trim();
        }
        if (PLAIN.matcher(text).matches() && !YAML_SPECIAL.matcher(text).matches() && !text.contains(" #")
                && !text.contains(": ")) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** @return the YAML source text of a node (between its start and end marks) */
    static String source(String text, Node node) {
        int s = index(text, node.getStartMark());
        int e = index(text, node.getEndMark());
        return text.substring(s, Math.max(s, e)).strip();
    }

    private static String setIn(String text, MappingNode map, List<String> path, int i, String value) {
        String key = path.get(i);
        boolean last = i == path.size() - 1;
        NodeTuple t = tuple(map, key);
        if (t == null) {
            return insert(text, map, key + ": " + nested(path, i + 1, value));
        }
        Node v = t.getValueNode();
        if (!last && v instanceof MappingNode m) {
            return setIn(text, m, path, i + 1, value);
        }
        String where = String.join(".", path.subList(0, i + 1));
        if (!last && !isNull(v)) {
            throw new IllegalArgumentException("'" + where + "' holds a single value or a list, not a mapping of settings");
        }
        if (!isFlow(v)) {
            throw new IllegalArgumentException("'" + where + "' is a block list or mapping; edit it in the YAML text");
        }
        String replacement = nested(path, i + 1, value);
        int s = index(text, v.getStartMark());
        int e = index(text, v.getEndMark());
        if (isNull(v) && s == e) {
            // "key:" with nothing after it: the value goes after the colon
            s = e = text.indexOf(':', index(text, t.getKeyNode().getEndMark())) + 1;
            replacement = " " + replacement;
        }
        return text.substring(0, s) + replacement + text.substring(e);
    }

    private static String nested(List<String> path, int from, String value) {
        if (from >= path.size()) {
            return value;
        }
        return "{" + path.get(from) + ": " + nested(path, from + 1, value) + "}";
    }

    private static String insert(String text, MappingNode map, String entry) {
        if (isFlow(map)) {
            int end = index(text, map.getEndMark());
            int brace = text.lastIndexOf('}', end - 1);
            if (brace < 0) {
                throw new IllegalStateException("flow mapping without '}' before offset " + end);
            }
            String before = text.substring(0, brace).stripTrailing();
            String sep = map.getValue().isEmpty() ? "" : ", ";
            return before + sep + entry + text.substring(brace);
        }
        NodeTuple first = map.getValue().get(0);
        int indent = first.getKeyNode().getStartMark().getColumn();
        int at = lineEnd(text, contentEnd(text, map));
        return text.substring(0, at) + "\n" + " ".repeat(indent) + entry + text.substring(at);
    }

    /** @return char index just after the last scalar or flow collection inside a node */
    private static int contentEnd(String text, Node node) {
        if (node instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
            return contentEnd(text, m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
            return contentEnd(text, s.getValue().get(s.getValue().size() - 1));
        }
        int e = index(text, node.getEndMark());
        if (node instanceof ScalarNode && e > 0 && text.charAt(e - 1) == '\n') {
            e--; // block scalars end after their line break
        }
        return e;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static boolean isFlow(Node n) {
        if (n instanceof MappingNode m) {
            return m.getFlowStyle() == FlowStyle.FLOW;
        }
        if (n instanceof SequenceNode s) {
            return s.getFlowStyle() == FlowStyle.FLOW;
        }
        return true;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    /** snakeyaml marks count code points; Java strings index chars. */
    private static int index(String text, Mark mark) {
        int cp = mark.getIndex();
        return cp >= text.codePointCount(0, text.length()) ? text.length() : text.offsetByCodePoints(0, cp);
    }

    static Node compose(String text) {
        try {
            LoaderOptions o = new LoaderOptions();
            o.setAllowDuplicateKeys(false);
            Node root = new Yaml(o).compose(new StringReader(text));
            if (root == null) {
                throw new IllegalArgumentException("the configuration is empty");
            }
            return root;
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the configuration is not valid YAML (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); correct it in the editor first", e);
        }
    }

    static MappingNode step(Node root, String name) {
        if (root instanceof MappingNode top && get(top, "steps") instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof MappingNode m) {
                    String id = scalar(get(m, "id"));
                    if (id == null) {
                        id = scalar(get(m, "use"));
                    }
                    if (name.equals(id)) {
                        return m;
                    }
                }
            }
        }
        if (root instanceof MappingNode top && get(top, "steps") == null && get(top, "inputs") != null) {
            throw new IllegalArgumentException("this is a flat stopping-muon configuration (the seed's keys, no 'steps:'); "
                    + "step '" + name + "' is made from those keys (docs/config.md): edit them in the YAML editor");
        }
        throw new IllegalArgumentException("the configuration has no step with id '" + name + "'");
    }

    private static NodeTuple tuple(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key.equals(scalar(t.getKeyNode()))) {
                return t;
            }
        }
        return null;
    }

    static Node get(MappingNode m, String key) {
        NodeTuple t = tuple(m, key);
        return t == null ? null : t.getValueNode();
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** @return the value of an enum constant as the configuration spells it */
    public static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
