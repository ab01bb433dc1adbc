package org.fluxion.api.workflow;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a step is, what it consumes and produces, and which settings it takes.
 *
 * @param id           stable id, lower case {@code [a-z][a-z0-9_.-]*}; never changes once released
 * @param title        short human-readable title
 * @param description  one or two sentences for users (shown by {@code fluxion list} and the UI)
 * @param inputs       input ports (unique names)
 * @param outputs      output ports (unique names)
 * @param settingsType the record bound from the step's {@code with:} block; its components may
 *                     carry {@link Setting} annotations
 * @param <S>          settings type
 */
public record StepDescriptor<S extends Record>(String id, String title, String description, List<Port> inputs,
        List<Port> outputs, Class<S> settingsType) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_.-]*");

    public StepDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settingsType, "settingsType");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("step id must match " + ID + " but was '" + id + "'");
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        requireUnique(id, "input", inputs);
        requireUnique(id, "output", outputs);
    }

    private static void requireUnique(String id, String what, List<Port> ports) {
        for (int i = 0; i < ports.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (ports.get(i).name().equals(ports.get(j).name())) {
                    throw new IllegalArgumentException("step '" + id + "' declares " + what + " port '"
                            + ports.get(i).name() + "' twice");
                }
            }
        }
    }

    /** @return the input port called {@code name}, or null */
    public Port input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** @return the output port called {@code name}, or null */
    public Port output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
