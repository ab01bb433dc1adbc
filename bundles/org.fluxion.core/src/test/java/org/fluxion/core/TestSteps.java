package org.fluxion.core;

import java.util.List;
import java.util.Map;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;

/** Small step providers for engine tests. */
final class TestSteps {
    private TestSteps() {
    }

    enum Shape { FLAT, NORMAL }

    record Range(@Setting(description = "low", defaultValue = "0") double min,
            @Setting(description = "high") double max) {
        Range {
            if (!(max > min)) {
                throw new InvalidSettingsException("max", "must be > min (" + min + ") but was " + max);
            }
        }
    }

    record SourceSettings(
            @Setting(description = "rows to generate", min = 1) int nRows,
            @Setting(description = "distribution", defaultValue = "flat") Shape shape,
            @Setting(description = "value range", defaultValue = "{min: 0, max: 1}") Range range,
            @Setting(description = "labels", defaultValue = "[]") List<String> labels,
            @Setting(description = "per-label factors", defaultValue = "{}") Map<String, Double> factors) {
    }

    /** Generates random rows: a seeded 'x' column. */
    static final class Source implements StepProvider<SourceSettings> {
        @Override
        public StepDescriptor<SourceSettings> descriptor() {
            return new StepDescriptor<>("source", "Random source", "makes random rows", List.of(),
                    List.of(Port.of("samples", SampleSet.class, "one sample 'random'")), SourceSettings.class);
        }

        @Override
        public Step create(SourceSettings s) {
            return ctx -> {
                double[] x = new double[s.nRows()];
                for (int i = 0; i < x.length; i++) {
                    double u = s.shape() == Shape.FLAT ? ctx.random().nextDouble() : ctx.random().nextGaussian();
                    x[i] = s.range().min() + u * (s.range().max() - s.range().min());
                }
                ctx.output("samples", SampleSet.of(List.of(EventTable.builder("random")
                        .add(Column.ofDoubles("x", "m", x)).build())));
            };
        }
    }

    record SumSettings(@Setting(description = "table name", defaultValue = "sums") String table) {
    }

    /** Writes the sum and count of column x as a table. */
    static final class Sum implements StepProvider<SumSettings> {
        private final String title;

        Sum(String title) {
            this.title = title;
        }

        @Override
        public StepDescriptor<SumSettings> descriptor() {
            return new StepDescriptor<>("sum", title, "sums x", List.of(Port.of("samples", SampleSet.class, "input")),
                    List.of(), SumSettings.class);
        }

        @Override
        public Step create(SumSettings s) {
            return ctx -> {
                EventTable t = ctx.input("samples", SampleSet.class).get("random");
                double sum = 0;
                for (int i = 0; i < t.rowCount(); i++) {
                    sum += t.column("x").getDouble(i);
                }
                ctx.artifacts().table(s.table(), TableArtifact.builder().column("provider", "").column("n", "")
                        .column("sum_x", "m").row(title, t.rowCount(), sum).build());
                ctx.warn("summed " + t.rowCount() + " rows");
            };
        }
    }

    record NoSettings() {
    }

    /** Wants a Histogram: used to test port type checks. */
    static final class HistogramSink implements StepProvider<NoSettings> {
        @Override
        public StepDescriptor<NoSettings> descriptor() {
            return new StepDescriptor<>("hist_sink", "Histogram sink", "needs a histogram",
                    List.of(Port.of("histogram", Histogram.class, "a histogram")), List.of(), NoSettings.class);
        }

        @Override
        public Step create(NoSettings s) {
            return ctx -> {
            };
        }
    }

    /** Always fails after writing a table. */
    static final class Failing implements StepProvider<NoSettings> {
        @Override
        public StepDescriptor<NoSettings> descriptor() {
            return new StepDescriptor<>("fail", "Failing", "fails", List.of(), List.of(), NoSettings.class);
        }

        @Override
        public Step create(NoSettings s) {
            return ctx -> {
                ctx.artifacts().table("partial", TableArtifact.builder().column("a", "").row(1).build());
                throw new IllegalStateException("deliberate failure");
            };
        }
    }

    static StepRegistry registry(RegisteredStep... extra) {
        java.util.ArrayList<RegisteredStep> l = new java.util.ArrayList<>(List.of(
                new RegisteredStep(new Source(), "source", 0, 1, "", ""),
                new RegisteredStep(new Sum("default sum"), "sum", 0, 2, "", ""),
                new RegisteredStep(new HistogramSink(), "hist_sink", 0, 3, "", ""),
                new RegisteredStep(new Failing(), "fail", 0, 4, "", "")));
        l.addAll(List.of(extra));
        return StepRegistry.of(l);
    }
}
