package org.fluxion.ui.internal;

/**
 * A step of the open workflow as the workflow view shows it. Immutable.
 *
 * @param name     instance name ({@code id:})
 * @param use      the step id it uses
 * @param enabled  the configuration's {@code enabled:} flag
 * @param line     1-based line of the step entry in the configuration, 0 if unknown
 * @param state    run state
 * @param fraction progress inside the running step in [0, 1], or -1 if unknown
 * @param task     what the running step is doing ("" if nothing reported)
 * @param message  failure or cancellation message ("" otherwise)
 * @param seconds  wall time of the finished step, or NaN
 */
public record StepRow(String name, String use, boolean enabled, int line, State state, double fraction, String task,
        String message, double seconds) {

    /** Run state of a step. */
    public enum State {
        /** not run since the configuration was opened (or since the last run started) */
        NOT_RUN("not run"),
        /** disabled in the configuration */
        DISABLED("disabled"),
        /** running now */
        RUNNING("running"),
        /** finished in the last run */
        DONE("done"),
        /** failed in the last run */
        FAILED("failed"),
        /** the run was cancelled while this step ran */
        CANCELLED("cancelled");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** @return the lower-case word the view shows */
        public String label() {
            return label;
        }
    }

    /** @return a row that has not run */
    public static StepRow notRun(String name, String use, boolean enabled, int line) {
        return new StepRow(name, use, enabled, line, enabled ? State.NOT_RUN : State.DISABLED, -1, "", "", Double.NaN);
    }

    /** @return this row with a new state, progress, task, message and time */
    public StepRow with(State s, double f, String t, String m, double sec) {
        return new StepRow(name, use, enabled, line, s, f, t, m, sec);
    }
}
