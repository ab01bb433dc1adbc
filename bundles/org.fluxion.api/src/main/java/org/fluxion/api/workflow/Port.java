package org.fluxion.api.workflow;

import java.util.Objects;

/**
 * A typed input or output of a step. The engine connects an input to an upstream output only
 * if the output's type is assignable to the input's type, and checks this before running.
 *
 * @param name        port name, unique per direction within a step
 * @param type        the Java type of the value (e.g. {@code SampleSet.class}, {@code Histogram.class})
 * @param description what the value is, with units where relevant
 * @param optional    whether an input may stay unconnected (ignored for outputs)
 */
public record Port(String name, Class<?> type, String description, boolean optional) {
    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** @return a required port */
    public static Port of(String name, Class<?> type, String description) {
        return new Port(name, type, description, false);
    }

    /** @return an optional input port */
    public static Port optional(String name, Class<?> type, String description) {
        return new Port(name, type, description, true);
    }
}
