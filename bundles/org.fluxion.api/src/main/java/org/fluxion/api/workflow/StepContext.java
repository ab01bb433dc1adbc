package org.fluxion.api.workflow;

import java.nio.file.Path;
import java.util.random.RandomGenerator;

import org.fluxion.api.artifact.ArtifactSink;

/**
 * What a running step sees of the engine. Not thread-safe unless stated; the progress monitor
 * and {@link #warn} may be used from worker threads.
 */
public interface StepContext {
    /** @return the instance name of this step in the workflow (unique per run) */
    String name();

    /** @return the step id */
    String stepId();

    /**
     * @return the value connected to input port {@code port}
     * @throws IllegalArgumentException if the port is not declared or not connected
     */
    <T> T input(String port, Class<T> type);

    /** @return whether the optional input {@code port} is connected */
    boolean hasInput(String port);

    /**
     * Publishes the value of output port {@code port}.
     *
     * @throws IllegalArgumentException if the port is undeclared or the value has the wrong type
     */
    void output(String port, Object value);

    /** @return where plots and tables go */
    ArtifactSink artifacts();

    /**
     * @return a random stream for this step, derived from the run seed and the step name; the same
     *         for the same seed and configuration, whatever else runs
     */
    RandomGenerator random();

    /** @return the 64-bit seed {@link #random()} was made from, for deriving parallel sub-streams */
    long seed();

    /** @return progress reporting and cancellation (thread-safe) */
    ProgressMonitor progress();

    /** Records a warning in the console and in the provenance record (thread-safe). */
    void warn(String message);

    /**
     * Resolves a path from the configuration (relative paths are relative to the config file's
     * folder) and records the file for the provenance hashes.
     */
    Path inputFile(String path);

    /** @return number of worker threads the step may use (>= 1) */
    int parallelism();

    /**
     * The folder holding this step's artifacts in the previous complete run of this configuration's
     * {@code unique_name} (the run folder this run will replace), for reloading saved results (the
     * seed's {@code load_*} flags). A step that reloads must check that the saved result was made
     * from the same inputs and settings and refuse, naming what changed, otherwise.
     *
     * @return the folder, or null if there is no earlier complete run or it has no folder for this step
     */
    default java.nio.file.Path previousResults() {
        return null;
    }
}
