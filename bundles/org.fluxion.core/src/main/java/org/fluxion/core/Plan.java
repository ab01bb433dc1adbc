package org.fluxion.core;

import java.util.List;
import java.util.Map;

/**
 * A checked workflow, ready to run: every step resolved to a provider, settings bound, inputs
 * connected to type-compatible upstream outputs. Nothing has been read yet. Immutable.
 *
 * @param config   the configuration it came from
 * @param steps    enabled steps in execution order
 * @param warnings planning warnings (e.g. shadowed providers)
 */
public record Plan(WorkflowConfig config, List<PlannedStep> steps, List<String> warnings) {
    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One step of the plan.
     *
     * @param name     instance name
     * @param provider the winning provider
     * @param shadowed providers of the same id that lost
     * @param settings the bound settings record
     * @param inputs   input port → {upstream step name, upstream port}
     */
    public record PlannedStep(String name, RegisteredStep provider, List<RegisteredStep> shadowed, Record settings,
            Map<String, Connection> inputs) {
        public PlannedStep {
            shadowed = List.copyOf(shadowed);
            inputs = Map.copyOf(inputs);
        }
    }

    /** An input's source. @param step upstream step name @param port its output port */
    public record Connection(String step, String port) {
    }
}
