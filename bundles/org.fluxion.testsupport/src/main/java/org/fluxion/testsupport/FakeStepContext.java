package org.fluxion.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.StepContext;

/**
 * A step context for the plain JUnit tests of the step bundles: inputs given up front, outputs and
 * artifacts collected in insertion-ordered maps that the tests read directly. Artifact names are checked
 * as the engine checks them (letters, digits, {@code _ . -}; each name once across plots, tables and
 * summaries). Input files resolve as given; {@link #previousResults()} is {@link #previous} (null = no
 * previous run).
 */
public final class FakeStepContext implements StepContext {
    /** The seed of {@link #FakeStepContext(int)}. */
    public static final long DEFAULT_SEED = 42;

    public final Map<String, Object> inputs = new LinkedHashMap<>();
    public final Map<String, Object> outputs = new LinkedHashMap<>();
    public final Map<String, PlotSpec> plots = new LinkedHashMap<>();
    public final Map<String, TableArtifact> tables = new LinkedHashMap<>();
    public final Map<String, Map<String, ?>> summaries = new LinkedHashMap<>();
    public final List<String> warnings = new ArrayList<>();
    /** Sum of the units reported to {@link ProgressMonitor#worked(long)}. */
    public final AtomicLong worked = new AtomicLong();
    /** What {@link ProgressMonitor#isCancelled()} answers; a test may set it from another thread. */
    public volatile boolean cancelled;
    /** The folder of a previous run's results returned by {@link #previousResults()}; null for none. */
    public Path previous;
    private final int parallelism;
    private final long seed;

    /** A context with {@code parallelism} worker threads and seed {@value #DEFAULT_SEED}. */
    public FakeStepContext(int parallelism) {
        this(parallelism, DEFAULT_SEED);
    }

    public FakeStepContext(int parallelism, long seed) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.seed = seed;
    }

    /** Connects {@code value} to input {@code port}; returns this for chaining. */
    public FakeStepContext input(String port, Object value) {
        inputs.put(port, value);
        return this;
    }

    @Override
    public String name() {
        return "step_under_test";
    }

    @Override
    public String stepId() {
        return "step_under_test";
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        Object v = inputs.get(port);
        if (v == null) {
            throw new IllegalArgumentException("port '" + port + "' not connected");
        }
        return type.cast(v);
    }

    @Override
    public boolean hasInput(String port) {
        return inputs.containsKey(port);
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
                synchronized (FakeStepContext.this) {
                    requireNew(name);
                    plots.put(name, plot);
                }
            }

            @Override
            public void table(String name, TableArtifact table) {
                synchronized (FakeStepContext.this) {
                    requireNew(name);
                    tables.put(name, table);
                }
            }

            @Override
            public void summary(String name, Map<String, ?> values) {
                synchronized (FakeStepContext.this) {
                    requireNew(name);
                    summaries.put(name, values);
                }
            }
        };
    }

    private void requireNew(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad artifact name '" + name + "'");
        }
        if (plots.containsKey(name) || tables.containsKey(name) || summaries.containsKey(name)) {
            throw new IllegalArgumentException("artifact '" + name + "' written twice");
        }
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(seed);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ProgressMonitor progress() {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, long totalWork) {
            }

            @Override
            public void worked(long units) {
                worked.addAndGet(units);
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
        return Path.of(path);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Path previousResults() {
        return previous;
    }
}
