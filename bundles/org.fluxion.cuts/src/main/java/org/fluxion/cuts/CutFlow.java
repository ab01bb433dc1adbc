package org.fluxion.cuts;

import java.util.List;
import java.util.Objects;

import org.fluxion.api.artifact.TableArtifact;

/**
 * The cut flow of the {@code cuts} step: per sample, the events and weighted rate after each cut
 * step ("all", the filter mask, then every cut in configuration order, cumulative). Immutable.
 *
 * @param samples one entry per sample, in sample order
 */
public record CutFlow(List<SampleFlow> samples) {

    public CutFlow {
        samples = List.copyOf(samples);
    }

    /**
     * The state after one cut step.
     *
     * @param label             "all", "filtermask: &lt;column&gt;" or the cut ({@link Cut#describe()})
     * @param events            events passing this and all earlier steps
     * @param weightedRate      MC: Σ weight; data: events / livetime; NaN if unknown (Hz)
     * @param weightedRateError MC: √Σ weight²; data: √events / livetime; NaN if unknown (Hz)
     */
    public record Stage(String label, long events, double weightedRate, double weightedRateError) {
        public Stage {
            Objects.requireNonNull(label, "label");
            if (events < 0) {
                throw new IllegalArgumentException("stage '" + label + "': events must be >= 0 but was " + events);
            }
        }
    }

    /**
     * The cut flow of one sample.
     *
     * @param sample       sample name
     * @param cutException whether the cuts were not applied (then there is only the stage "all")
     * @param stages       the stages, first "all"
     */
    public record SampleFlow(String sample, boolean cutException, List<Stage> stages) {
        public SampleFlow {
            Objects.requireNonNull(sample, "sample");
            stages = List.copyOf(stages);
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("sample '" + sample + "': a cut flow needs at least the stage 'all'");
            }
        }

        /** @return events passing stage {@code k} divided by all events (NaN for an empty sample) */
        public double fraction(int k) {
            long all = stages.get(0).events();
            return all == 0 ? Double.NaN : (double) stages.get(k).events() / all;
        }

        /** @return the last stage: what the step passes on */
        public Stage last() {
            return stages.get(stages.size() - 1);
        }
    }

    /**
     * @return the flow of sample {@code name}
     * @throws IllegalArgumentException naming the available samples
     */
    public SampleFlow sample(String name) {
        for (SampleFlow s : samples) {
            if (s.sample().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no cut flow for sample '" + name + "'; available: "
                + samples.stream().map(SampleFlow::sample).toList());
    }

    /**
     * @return one row per sample and stage: sample, step index, cut, cuts_applied (yes/no), events,
     *         fraction (of all events), step_efficiency (of the previous stage), weighted_rate [Hz],
     *         weighted_rate_error [Hz]; unknown values are empty cells
     */
    public TableArtifact toTable() {
        TableArtifact.Builder t = TableArtifact.builder().column("sample", "").column("step", "").column("cut", "")
                .column("cuts_applied", "").column("events", "").column("fraction", "")
                .column("step_efficiency", "").column("weighted_rate", "Hz").column("weighted_rate_error", "Hz");
        for (SampleFlow s : samples) {
            for (int k = 0; k < s.stages().size(); k++) {
                Stage st = s.stages().get(k);
                long previous = k == 0 ? st.events() : s.stages().get(k - 1).events();
                t.row(s.sample(), k, st.label(), s.cutException() ? "no" : "yes", st.events(), cell(s.fraction(k)),
                        cell(previous == 0 ? Double.NaN : (double) st.events() / previous), cell(st.weightedRate()),
                        cell(st.weightedRateError()));
            }
        }
        return t.build();
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : (Object) v;
    }
}
