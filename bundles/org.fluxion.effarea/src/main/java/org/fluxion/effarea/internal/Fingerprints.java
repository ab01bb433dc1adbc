package org.fluxion.effarea.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares a saved fingerprint with the current one, entry by entry. Stateless. */
final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * @return one line per differing entry, "path: saved X, now Y" (empty if equal), in the
     *         current fingerprint's order followed by entries only the saved one has
     */
    static List<String> differences(Object saved, Map<String, Object> current) {
        Map<String, String> s = new LinkedHashMap<>();
        Map<String, String> c = new LinkedHashMap<>();
        flatten("", saved, s);
        flatten("", current, c);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : c.entrySet()) {
            String old = s.get(e.getKey());
            if (!e.getValue().equals(old)) {
                out.add(e.getKey() + ": saved " + (old == null ? "nothing" : old) + ", now " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : s.entrySet()) {
            if (!c.containsKey(e.getKey())) {
                out.add(e.getKey() + ": saved " + e.getValue() + ", now nothing");
            }
        }
        return out;
    }

    /** @return "binning", "inputs" and/or "settings", by the top-level keys of the differences */
    static String categories(List<String> differences) {
        Set<String> cats = new LinkedHashSet<>();
        for (String d : differences) {
            String top = d.contains(".") ? d.substring(0, d.indexOf('.')) : d.substring(0, d.indexOf(':'));
            cats.add(switch (top) {
                case "binning" -> "binning";
                case "l0", "mc" -> "inputs";
                default -> "settings";
            });
        }
        return String.join(" and ", cats);
    }

    private static void flatten(String path, Object v, Map<String, String> out) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(path.isEmpty() ? "fingerprint" : path, String.valueOf(v));
        }
    }
}
