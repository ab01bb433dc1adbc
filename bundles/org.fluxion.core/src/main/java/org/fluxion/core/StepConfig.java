package org.fluxion.core;

import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One entry of the workflow's {@code steps:} list, before binding: instance name ({@code id}),
 * the step id it uses ({@code use}), input connections ({@code in}: port → "step.port") and the
 * raw settings ({@code with}). Immutable.
 */
public final class StepConfig {
    private final String name;
    private final String use;
    private final Map<String, String> inputs;
    private final boolean enabled;
    private final String location;
    private final Node settings;

    StepConfig(String name, String use, Map<String, String> inputs, boolean enabled, String location, Node settings) {
        this.name = name;
        this.use = use;
        this.inputs = Map.copyOf(inputs);
        this.enabled = enabled;
        this.location = location;
        this.settings = settings;
    }

    /** @return the instance name, unique within the workflow */
    public String name() {
        return name;
    }

    /** @return the step id to run ({@code fluxion.step.id}) */
    public String use() {
        return use;
    }

    /** @return input port → "upstream.port" (or "upstream" for a same-named port) */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** @return whether the step runs */
    public boolean enabled() {
        return enabled;
    }

    /** @return file:line:column of the step entry */
    public String location() {
        return location;
    }

    Node settings() {
        return settings;
    }
}
