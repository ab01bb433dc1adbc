package org.fluxion.ui.internal;

import java.util.List;
import java.util.Locale;

/**
 * One setting of a step as the form shows it, derived from a settings record component and its
 * {@link org.fluxion.api.workflow.Setting} annotation. Immutable.
 *
 * @param key         config key (snake_case)
 * @param type        the component's raw Java type
 * @param typeName    short type name for the label ("integer", "number", "text", "list", ...)
 * @param description what it means ("" if the component is not annotated)
 * @param unit        unit, "" if none
 * @param defaultText default as YAML text, or null if the key is required
 * @param min         smallest allowed value (numbers), -inf if unbounded
 * @param max         largest allowed value (numbers), +inf if unbounded
 * @param choices     allowed values (enum constants in lower case, installed unfolder ids), empty if free
 * @param freeChoice  whether a value outside {@code choices} may be typed (unfolder ids of bundles not installed yet)
 * @param valueText   the value given in the configuration as YAML text, or null if not given
 */
public record SettingField(String key, Class<?> type, String typeName, String description, String unit,
        String defaultText, double min, double max, List<String> choices, boolean freeChoice, String valueText) {
    public SettingField {
        choices = List.copyOf(choices);
    }

    /** @return whether the form can edit the value in place (a single value, not a list, map or record) */
    public boolean editable() {
        return type == String.class || type.isEnum() || number() || bool();
    }

    /** @return whether the value is a number */
    public boolean number() {
        return integer() || type == double.class || type == Double.class;
    }

    /** @return whether the value is an integer */
    public boolean integer() {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /** @return whether the value is true/false */
    public boolean bool() {
        return type == boolean.class || type == Boolean.class;
    }

    /** @return the value the step runs with: the given one, else the default, else "" */
    public String effectiveText() {
        if (valueText != null) {
            return unquote(valueText);
        }
        return defaultText == null ? "" : unquote(defaultText);
    }

    /** @return "required", or "default 50" */
    public String defaultLabel() {
        return defaultText == null ? "required" : "default " + (defaultText.isEmpty() ? "\"\"" : defaultText);
    }

    /** @return the allowed range as text ("[1, 10000]", "≥ 0"), or "" if unbounded */
    public String rangeLabel() {
        boolean lo = min != Double.NEGATIVE_INFINITY, hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return "[" + fmt(min) + ", " + fmt(max) + "]";
        }
        if (lo) {
            return "\u2265 " + fmt(min);
        }
        return hi ? "\u2264 " + fmt(max) : "";
    }

    /**
     * Checks a value typed into the form the way the binder will.
     *
     * @return null if acceptable, else what is wrong with the value and what is expected
     */
    public String check(String text) {
        String t = text.trim();
        if (bool()) {
            return switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "false", "yes", "no", "on", "off" -> null;
                default -> "'" + key + "' must be true or false but was '" + t + "'";
            };
        }
        if (type.isEnum() || (!choices.isEmpty() && !freeChoice)) {
            for (String c : choices) {
                if (c.equalsIgnoreCase(t.replace('-', '_')) || c.equalsIgnoreCase(t)) {
                    return null;
                }
            }
            return "'" + key + "' must be one of " + choices + " but was '" + t + "'";
        }
        if (number()) {
            double d;
            try {
                String n = t.replace("_", "").toLowerCase(Locale.ROOT);
                if (integer()) {
                    d = type == int.class || type == Integer.class ? Integer.parseInt(n) : Long.parseLong(n);
                } else {
                    d = switch (n) {
                        case ".inf", "+.inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
                        case "-.inf", "-inf" -> Double.NEGATIVE_INFINITY;
                        case ".nan", "nan" -> Double.NaN;
                        default -> Double.parseDouble(n);
                    };
                }
            } catch (NumberFormatException e) {
                return "'" + key + "' must be " + (integer() ? "an integer" : "a number") + " but was '" + t + "'";
            }
            if (d < min || d > max) {
                return "'" + key + "' must be in [" + fmt(min) + ", " + fmt(max) + "] but was " + t;
            }
        }
        return null;
    }

    private static String unquote(String yaml) {
        String s = yaml.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    static String fmt(double d) {
        if (d == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (d == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
