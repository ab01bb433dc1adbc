package org.fluxion.api.workflow;

/**
 * One configured use of a step in a workflow. Created per run by its {@link StepProvider};
 * {@link #run} is called once, on one thread (the step may use its own worker threads).
 */
@FunctionalInterface
public interface Step {
    /**
     * Does the work: reads inputs, writes outputs and artifacts through the context.
     *
     * @throws InputException       for unreadable or malformed input data (names file, line, value)
     * @throws CancelledException   if the progress monitor was cancelled
     * @throws Exception            for any other failure; the message should name what failed
     */
    void run(StepContext context) throws Exception;
}
