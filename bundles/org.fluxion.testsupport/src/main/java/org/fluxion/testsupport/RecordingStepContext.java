package org.fluxion.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.StepContext;

/**
 * A step context for loader tests: resolves paths against a folder, records outputs, warnings, input files
 * and progress (the loaders' tests in io.text and io.hdf5).
 */
public final class RecordingStepContext implements StepContext {
    final Path base;
    final int parallelism;
    final Map<String, Object> outputs = new HashMap<>();
    final List<String> warnings = new ArrayList<>();
    final List<Path> inputFiles = new ArrayList<>();
    long worked;
    boolean cancelled;

    /** @return the value published on {@code port}, or null */
    public Object output(String port) {
        return outputs.get(port);
    }

    /** @return the warnings so far */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the paths resolved through {@link #inputFile} */
    public List<Path> inputFiles() {
        return List.copyOf(inputFiles);
    }

    /** @return the progress units reported */
    public synchronized long worked() {
        return worked;
    }

    public RecordingStepContext(Path base, int parallelism) {
        this.base = base;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String stepId() {
        return "step_under_test";
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        throw new IllegalArgumentException("no input port '" + port + "'");
    }

    @Override
    public boolean hasInput(String port) {
        return false;
    }

    @Override
    public void output(String port, Object value) {
        outputs.put(port, value);
    }

    @Override
    public ArtifactSink artifacts() {
        return new ArtifactSink() {
            @Override
            public void plot(String name, PlotSpec plot) {
            }

            @Override
            public void table(String name, TableArtifact table) {
            }

            @Override
            public void summary(String name, Map<String, ?> values) {
            }
        };
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(1);
    }

    @Override
    public long seed() {
        return 1;
    }

    @Override
    public ProgressMonitor progress() {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public synchronized void worked(long units) {
                worked += units;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
    }

    @Override
    public Path inputFile(String path) {
        Path p = base.resolve(path);
        inputFiles.add(p);
        return p;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }
}
