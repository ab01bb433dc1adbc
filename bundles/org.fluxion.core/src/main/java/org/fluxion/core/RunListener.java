package org.fluxion.core;

/**
 * Receives progress of a run (console, UI). Called from the engine's threads; implementations
 * must be thread-safe and quick.
 */
public interface RunListener {
    /** A step starts; {@code index} is 0-based among the enabled steps. */
    default void stepStarted(String step, String stepId, int index, int count) {
    }

    /**
     * Progress inside a step, throttled by the engine (a few calls per second).
     *
     * @param done  units done
     * @param total total units, -1 if unknown
     * @param elapsedSeconds seconds since the task began
     */
    default void progress(String step, String task, long done, long total, double elapsedSeconds) {
    }

    /** A warning from a step or from the engine (step is "" for the engine). */
    default void warning(String step, String message) {
    }

    /** A step finished after {@code seconds} of wall time. */
    default void stepFinished(String step, double seconds) {
    }

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };
}
