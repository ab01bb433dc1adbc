package org.fluxion.fits.internal;

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

/** A step context for tests: inputs given up front, outputs and artifacts collected in maps. */
public final class FakeStepContext implements StepContext {
    final Map<String, Object> inputs = new LinkedHashMap<>();
    final Map<String, Object> outputs = new LinkedHashMap<>();
    final Map<String, PlotSpec> plots = new LinkedHashMap<>();
    final Map<String, TableArtifact> tables = new LinkedHashMap<>();
    final Map<String, Map<String, ?>> summaries = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    final AtomicLong worked = new AtomicLong();
    volatile boolean cancelled;
    private final int parallelism;

    public FakeStepContext(int parallelism) {
        this.parallelism = parallelism;
    }

    FakeStepContext input(String port, Object value) {
        inputs.put(port, value);
        return this;
    }

    @Override
    public String name() {
        return "fits";
    }

    @Override
    public String stepId() {
        return "muon_fits";
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
            public synchronized void plot(String name, PlotSpec plot) {
                requireNew(name);
                plots.put(name, plot);
            }

            @Override
            public synchronized void table(String name, TableArtifact table) {
                requireNew(name);
                tables.put(name, table);
            }

            @Override
            public synchronized void summary(String name, Map<String, ?> values) {
                requireNew(name);
                summaries.put(name, values);
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
        return new SplittableRandom(seed());
    }

    @Override
    public long seed() {
        return 42;
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
    public void warn(String message) {
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
}
