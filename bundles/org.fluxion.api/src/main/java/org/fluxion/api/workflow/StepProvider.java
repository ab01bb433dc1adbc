package org.fluxion.api.workflow;

/**
 * Service that describes and creates one kind of analysis step. Register it as a DS component
 * with the service property {@value #STEP_ID} equal to {@code descriptor().id()}.
 * Implementations must be thread-safe and cheap to construct (no work at activation).
 *
 * @param <S> the settings record the engine binds from the configuration
 */
public interface StepProvider<S extends Record> {
    /** Service property holding the stable step id. */
    String STEP_ID = "fluxion.step.id";
    /** Service property holding the human-readable title. */
    String STEP_TITLE = "fluxion.step.title";

    /** @return the step's id, title, ports and settings type; never null */
    StepDescriptor<S> descriptor();

    /**
     * Creates a step for one use in a workflow.
     *
     * @param settings the bound and validated settings, never null
     * @return a new step; never null
     */
    Step create(S settings);
}
