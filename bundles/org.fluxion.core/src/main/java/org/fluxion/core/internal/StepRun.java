package org.fluxion.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.core.RunListener;

/** The context of one running step. */
final class StepRun implements StepContext {
    private final String name;
    private final StepDescriptor<?> descriptor;
    private final Map<String, Object> inputs;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final ArtifactWriter artifacts;
    private final long seed;
    private final RandomGenerator random;
    private final Progress progress;
    private final RunListener listener;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<Path> inputFiles;
    private final List<Path> stepInputs = new CopyOnWriteArrayList<>();
    private final Path baseDirectory;
    private final int parallelism;
    private final Path previousResults;

    StepRun(String name, StepDescriptor<?> descriptor, Map<String, Object> inputs, ArtifactWriter artifacts, long seed,
            RunListener listener, AtomicBoolean cancel, List<Path> inputFiles, Path baseDirectory, int parallelism,
            Path previousResults) {
        this.name = name;
        this.descriptor = descriptor;
        this.inputs = inputs;
        this.artifacts = artifacts;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.listener = listener;
        this.progress = new Progress(name, listener, cancel);
        this.inputFiles = inputFiles;
        this.baseDirectory = baseDirectory;
        this.parallelism = parallelism;
        this.previousResults = previousResults;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String stepId() {
        return descriptor.id();
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        Port p = descriptor.input(port);
        if (p == null) {
            throw new IllegalArgumentException("step '" + name + "' (" + descriptor.id() + ") has no input port '" + port + "'");
        }
        Object v = inputs.get(port);
        if (v == null) {
            throw new IllegalArgumentException("step '" + name + "': input '" + port + "' is not connected");
        }
        return type.cast(v);
    }

    @Override
    public boolean hasInput(String port) {
        return inputs.containsKey(port);
    }

    @Override
    public void output(String port, Object value) {
        Port p = descriptor.output(port);
        if (p == null) {
            throw new IllegalArgumentException("step '" + name + "' (" + descriptor.id() + ") has no output port '"
                    + port + "'");
        }
        if (!p.type().isInstance(value)) {
            throw new IllegalArgumentException("step '" + name + "': output '" + port + "' must be a "
                    + p.type().getSimpleName() + " but was " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        synchronized (outputs) {
            outputs.put(port, value);
        }
    }

    @Override
    public ArtifactSink artifacts() {
        return artifacts;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ProgressMonitor progress() {
        return progress;
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
        listener.warning(name, message);
    }

    @Override
    public Path inputFile(String path) {
        Path p = baseDirectory.resolve(path).normalize();
        if (!stepInputs.contains(p)) {
            stepInputs.add(p);
        }
        synchronized (inputFiles) {
            if (!inputFiles.contains(p)) {
                inputFiles.add(p);
            }
        }
        return p;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    Map<String, Object> outputs() {
        synchronized (outputs) {
            return new LinkedHashMap<>(outputs);
        }
    }

    /** @return the input files this step recorded */
    List<Path> stepInputs() {
        return List.copyOf(stepInputs);
    }

    List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    @Override
    public Path previousResults() {
        return previousResults != null && java.nio.file.Files.isDirectory(previousResults) ? previousResults : null;
    }
}
