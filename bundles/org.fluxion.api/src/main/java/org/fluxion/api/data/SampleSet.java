package org.fluxion.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named samples of an analysis (e.g. {@code mc}, {@code data}, {@code mc_l0} or the KCDC
 * {@code data}, {@code simulation}), in configuration order. Immutable.
 */
public final class SampleSet {
    private final Map<String, EventTable> samples;

    private SampleSet(Map<String, EventTable> samples) {
        this.samples = samples;
    }

    /** @return a set of the given samples, keyed by their table names, in list order */
    public static SampleSet of(List<EventTable> tables) {
        Map<String, EventTable> m = new LinkedHashMap<>();
        for (EventTable t : tables) {
            if (m.put(t.name(), t) != null) {
                throw new IllegalArgumentException("duplicate sample name '" + t.name() + "'");
            }
        }
        return new SampleSet(Collections.unmodifiableMap(m));
    }

    /** @return sample names in order */
    public Set<String> names() {
        return samples.keySet();
    }

    /** @return all samples in order */
    public List<EventTable> tables() {
        return List.copyOf(samples.values());
    }

    /**
     * @return the sample called {@code name}
     * @throws IllegalArgumentException naming the available samples if it is missing
     */
    public EventTable get(String name) {
        EventTable t = samples.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no sample '" + name + "'; available: " + samples.keySet());
        }
        return t;
    }

    /** @return number of samples */
    public int size() {
        return samples.size();
    }

    @Override
    public String toString() {
        return "SampleSet" + samples.values();
    }
}
