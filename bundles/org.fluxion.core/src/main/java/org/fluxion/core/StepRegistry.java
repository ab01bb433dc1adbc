package org.fluxion.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the installed step providers, taken at run start. Per id the
 * provider with the highest {@code service.ranking} wins; on equal ranking the one registered
 * first (lowest {@code service.id}) wins, as in OSGi. The others are "shadowed".
 */
public final class StepRegistry {
    private static final Comparator<RegisteredStep> PRECEDENCE = Comparator
            .comparingInt(RegisteredStep::ranking).reversed()
            .thenComparingLong(RegisteredStep::serviceId);

    private final Map<String, List<RegisteredStep>> byId;

    private StepRegistry(Map<String, List<RegisteredStep>> byId) {
        this.byId = byId;
    }

    /** @return a snapshot of the given registrations */
    public static StepRegistry of(List<RegisteredStep> steps) {
        Map<String, List<RegisteredStep>> m = new TreeMap<>();
        for (RegisteredStep s : steps) {
            m.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<RegisteredStep>> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, List<RegisteredStep>> e : m.entrySet()) {
            List<RegisteredStep> l = new ArrayList<>(e.getValue());
            l.sort(PRECEDENCE);
            sorted.put(e.getKey(), List.copyOf(l));
        }
        return new StepRegistry(sorted);
    }

    /** @return the winning provider for {@code id}, or null if none is installed */
    public RegisteredStep resolve(String id) {
        List<RegisteredStep> l = byId.get(id);
        return l == null ? null : l.get(0);
    }

    /** @return the providers of {@code id} that lost to the winner (empty if none) */
    public List<RegisteredStep> shadowed(String id) {
        List<RegisteredStep> l = byId.get(id);
        return l == null || l.size() < 2 ? List.of() : l.subList(1, l.size());
    }

    /** @return installed ids in alphabetical order */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** @return every registration, grouped by id (alphabetical), winner first */
    public List<RegisteredStep> all() {
        List<RegisteredStep> out = new ArrayList<>();
        byId.values().forEach(out::addAll);
        return out;
    }
}
