package org.fluxion.core;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a YAML mapping onto a settings record: keys are the record components in snake_case,
 * unknown keys are rejected, missing keys take their {@link Setting#defaultValue()}, numbers are
 * range-checked. Every error names the source file, line and column, the key, the value and the
 * expected form. Stateless and thread-safe.
 */
public final class SettingsBinder {
    private SettingsBinder() {
    }

    /** @return the configuration key of a record component: {@code nBins} → {@code n_bins} */
    public static String key(String componentName) {
        StringBuilder sb = new StringBuilder(componentName.length() + 4);
        for (int i = 0; i < componentName.length(); i++) {
            char c = componentName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Binds {@code node} (a mapping, or null for "no settings given") to a new {@code type}.
     *
     * @param source  file name used in locations
     * @param context who the settings belong to, e.g. {@code step 'hist' (histogram)}
     * @throws ConfigException naming location, key, value and the expected form
     */
    public static <S extends Record> S bind(Class<S> type, Node node, String source, String context)
            throws ConfigException {
        return bindRecord(type, node, source, context, "");
    }

    /**
     * Binds plain values (String, Number, Boolean, List, Map as produced by {@link #toPlain} or a
     * YAML loader) onto a settings record, with the same checks and messages as {@link #bind}.
     *
     * @param values  key → value; null or empty for "no settings given"
     * @param source  where the values came from, used as the location in messages
     */
    public static <S extends Record> S bindPlain(Class<S> type, Map<String, ?> values, String source, String context)
            throws ConfigException {
        Node node = values == null || values.isEmpty() ? null : new Yaml().represent(values);
        return bindRecord(type, node, source, context, "");
    }

    /** @return the node as plain Java values: String, Long, Double, Boolean, null, List, Map */
    static Object plain(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> l = new ArrayList<>();
            for (Node n : seq.getValue()) {
                l.add(plain(n));
            }
            return Collections.unmodifiableList(l);
        }
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
            }
            return Collections.unmodifiableMap(out);
        }
        ScalarNode sc = (ScalarNode) node;
        String tag = sc.getTag().getValue();
        String v = sc.getValue();
        try {
            switch (tag) {
                case "tag:yaml.org,2002:null":
                    return null;
                case "tag:yaml.org,2002:bool":
                    return parseScalar(Boolean.class, v);
                case "tag:yaml.org,2002:int":
                    return Long.valueOf(stripUnderscores(v));
                case "tag:yaml.org,2002:float":
                    return parseDouble(v);
                default:
                    return v;
            }
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static String location(String source, Node node) {
        if (node == null || node.getStartMark() == null) {
            return source;
        }
        return source + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }

    private static <S> S bindRecord(Class<S> type, Node node, String source, String context, String path)
            throws ConfigException {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record");
        }
        Map<String, NodeTuple> given = new LinkedHashMap<>();
        if (node != null) {
            if (!(node instanceof MappingNode m)) {
                throw new ConfigException(location(source, node), context + ": " + describe(path)
                        + " must be a mapping of keys to values but was " + shortText(node));
            }
            for (NodeTuple t : m.getValue()) {
                String k = scalarText(t.getKeyNode());
                if (k == null) {
                    throw new ConfigException(location(source, t.getKeyNode()), context + ": keys must be plain text");
                }
                if (given.put(k, t) != null) {
                    throw new ConfigException(location(source, t.getKeyNode()), context + ": key '" + path + k
                            + "' is given twice");
                }
            }
        }
        RecordComponent[] comps = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent rc : comps) {
            byKey.put(key(rc.getName()), rc);
        }
        for (Map.Entry<String, NodeTuple> e : given.entrySet()) {
            if (!byKey.containsKey(e.getKey())) {
                throw new ConfigException(location(source, e.getValue().getKeyNode()), context + ": unknown key '"
                        + path + e.getKey() + "'; valid keys" + (path.isEmpty() ? "" : " of '" + path.substring(0, path.length() - 1) + "'") + ": "
                        + String.join(", ", byKey.keySet()));
            }
        }
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent rc = comps[i];
            types[i] = rc.getType();
            String k = key(rc.getName());
            Setting s = rc.getAnnotation(Setting.class);
            NodeTuple t = given.get(k);
            Node valueNode;
            String src = source;
            if (t != null) {
                valueNode = t.getValueNode();
            } else if (s != null && !Setting.REQUIRED.equals(s.defaultValue())) {
                valueNode = new Yaml().compose(new StringReader(s.defaultValue()));
                src = "default of " + path + k;
            } else if (s == null && (List.class.isAssignableFrom(rc.getType()) || Map.class.isAssignableFrom(rc.getType()))) {
                valueNode = null;
            } else if (s == null && !rc.getType().isPrimitive() && !rc.getType().isRecord()) {
                valueNode = null;
            } else {
                throw new ConfigException(location(source, node), context + ": missing required key '" + path + k + "'"
                        + (s != null ? " (" + s.description() + (s.unit().isEmpty() ? "" : ", in " + s.unit()) + ")" : ""));
            }
            args[i] = bindValue(rc.getGenericType(), valueNode, src, context, path + k, s);
        }
        try {
            Constructor<S> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException ite) {
            Throwable cause = ite.getCause();
            if (cause instanceof InvalidSettingsException ise) {
                NodeTuple t = given.get(ise.key());
                Node where = t != null ? t.getValueNode() : node;
                throw new ConfigException(location(source, where), context + ": '" + path + ise.key() + "': "
                        + ise.getMessage());
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw new ConfigException(location(source, node), context + (path.isEmpty() ? "" : " '" + path + "'")
                        + ": " + iae.getMessage());
            }
            throw new IllegalStateException("settings record " + type.getName() + " failed to construct", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct settings record " + type.getName(), e);
        }
    }

    private static Object bindValue(Type type, Node node, String source, String context, String path, Setting s)
            throws ConfigException {
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            return plain(node);
        }
        if (node == null || isNull(node)) {
            if (List.class.equals(raw)) {
                return List.of();
            }
            if (Map.class.equals(raw)) {
                return Map.of();
            }
            if (raw.isPrimitive()) {
                throw new ConfigException(location(source, node), context + ": '" + path + "' must be "
                        + expected(raw) + " but was null");
            }
            if (raw.isRecord()) {
                return bindRecord(raw, null, source, context, path + ".");
            }
            return null;
        }
        if (raw.isRecord()) {
            return bindRecord(raw, node, source, context, path + ".");
        }
        if (List.class.equals(raw)) {
            Type elem = typeArgument(type, 0);
            List<Object> out = new ArrayList<>();
            if (node instanceof SequenceNode seq) {
                int i = 0;
                for (Node item : seq.getValue()) {
                    out.add(bindValue(elem, item, source, context, path + "[" + i++ + "]", s));
                }
            } else if (node instanceof ScalarNode) {
                out.add(bindValue(elem, node, source, context, path + "[0]", s));
            } else {
                throw new ConfigException(location(source, node), context + ": '" + path + "' must be a list but was a mapping");
            }
            return Collections.unmodifiableList(out);
        }
        if (Map.class.equals(raw)) {
            Type valueType = typeArgument(type, 1);
            if (!(node instanceof MappingNode m)) {
                throw new ConfigException(location(source, node), context + ": '" + path + "' must be a mapping but was "
                        + shortText(node));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : m.getValue()) {
                String k = scalarText(t.getKeyNode());
                if (k == null || !seen.add(k)) {
                    throw new ConfigException(location(source, t.getKeyNode()), context + ": '" + path
                            + "' has an invalid or repeated key " + shortText(t.getKeyNode()));
                }
                out.put(k, bindValue(valueType, t.getValueNode(), source, context, path + "." + k, s));
            }
            return Collections.unmodifiableMap(out);
        }
        if (!(node instanceof ScalarNode sc)) {
            throw new ConfigException(location(source, node), context + ": '" + path + "' must be " + expected(raw)
                    + " but was a " + (node instanceof SequenceNode ? "list" : "mapping"));
        }
        String text = sc.getValue().trim();
        Object value = parseScalar(raw, text);
        if (value == null) {
            throw new ConfigException(location(source, node), context + ": '" + path + "' must be " + expected(raw)
                    + " but was '" + text + "'");
        }
        if (s != null && value instanceof Number n) {
            double d = n.doubleValue();
            if (d < s.min() || d > s.max()) {
                throw new ConfigException(location(source, node), context + ": '" + path + "' must be in ["
                        + fmt(s.min()) + ", " + fmt(s.max()) + "] but was " + text);
            }
        }
        return value;
    }

    private static String fmt(double d) {
        if (d == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (d == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Object parseScalar(Class<?> raw, String text) {
        try {
            if (raw == String.class) {
                return text;
            }
            if (raw == double.class || raw == Double.class) {
                return parseDouble(text);
            }
            if (raw == int.class || raw == Integer.class) {
                return Integer.valueOf(stripUnderscores(text));
            }
            if (raw == long.class || raw == Long.class) {
                return Long.valueOf(stripUnderscores(text));
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> Boolean.TRUE;
                    case "false", "no", "off" -> Boolean.FALSE;
                    default -> null;
                };
            }
            if (raw.isEnum()) {
                for (Object c : raw.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(text.replace('-', '_'))) {
                        return c;
                    }
                }
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        throw new IllegalStateException("settings component type " + raw.getName() + " is not supported");
    }

    private static String stripUnderscores(String text) {
        return text.replace("_", "");
    }

    private static Double parseDouble(String text) {
        String t = stripUnderscores(text).toLowerCase(Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-inf" -> Double.NEGATIVE_INFINITY;
            case ".nan", "nan" -> Double.NaN;
            default -> Double.valueOf(t);
        };
    }

    private static String expected(Class<?> raw) {
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : raw.getEnumConstants()) {
                names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return "one of " + names;
        }
        return "text";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String shortText(Node node) {
        if (node instanceof ScalarNode s) {
            return "'" + s.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the settings ('with:')" : "'" + path.substring(0, path.length() - 1) + "'";
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported settings type " + type);
    }

    private static Type typeArgument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalStateException("raw collection type in settings: " + type);
    }

    /**
     * Converts bound settings back to plain YAML values (maps with snake_case keys, lists, scalars,
     * enum constants in lower case), for {@code config.resolved.yaml}.
     */
    public static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    var accessor = rc.getAccessor();
                    accessor.setAccessible(true);
                    m.put(key(rc.getName()), toPlain(accessor.invoke(r)));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("cannot read " + rc, ex);
                }
            }
            return m;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(toPlain(o));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), toPlain(e.getValue()));
            }
            return out;
        }
        return value.toString();
    }
}
