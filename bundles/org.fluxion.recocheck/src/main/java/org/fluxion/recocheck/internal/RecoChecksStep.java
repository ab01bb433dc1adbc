package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One use of {@code reco_checks}. First checks that every sample and column the switched-on checks
 * need is there (naming the setting, sample and available columns otherwise), then runs the checks in
 * a fixed order and writes the summary {@code reco_checks}. Deterministic for a given seed.
 */
final class RecoChecksStep implements Step {
    static final String BEFORE = "before the analysis cuts";
    static final String AFTER = "after the analysis cuts";
    private final RecoChecksSettings settings;

    RecoChecksStep(RecoChecksSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) throws Exception {
        RecoChecksSettings s = settings;
        SampleSet cut = context.input(RecoChecksStepProvider.SAMPLES, SampleSet.class);
        boolean hasUncut = context.hasInput(RecoChecksStepProvider.UNCUT);
        if (!s.anything()) {
            context.warn("no check switched on (evaluate_score_distribution, plot_multiplicity, plot_correlations, "
                    + "plot_data_mc_agreement, analyse_mi_scores are all false): nothing to do");
            return;
        }
        Samples after = Samples.of(cut, RecoChecksStepProvider.SAMPLES, s, s.plotDataMcAgreement(), AFTER);
        Samples scoreInput = !s.evaluateScoreDistribution() ? null
                : hasUncut ? Samples.of(context.input(RecoChecksStepProvider.UNCUT, SampleSet.class),
                        RecoChecksStepProvider.UNCUT, s, false, BEFORE) : after;
        List<String> warnings = new ArrayList<>();
        configure(s, after, scoreInput, warnings);
        warnings.forEach(context::warn);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mc", after.mc().name());
        summary.put("data", after.hasData() ? after.data().name() : "");
        summary.put("model", after.model());
        if (scoreInput != null) {
            if (!hasUncut) {
                context.warn("input 'uncut' is not connected: the score distribution and purity/efficiency use the "
                        + "samples after the analysis cuts");
            }
            summary.put("score_distribution", ScoreCheck.run(context, s, scoreInput));
        }
        if (s.plotMultiplicity()) {
            summary.put("multiplicity", MultiplicityCheck.run(context, s, after));
        }
        if (s.plotCorrelations()) {
            List<Object> c = new ArrayList<>();
            for (CorrelationPair p : s.correlations()) {
                context.progress().checkCancelled();
                c.add(CorrelationCheck.run(context, s, after, p));
            }
            summary.put("correlations", c);
        }
        if (s.plotDataMcAgreement()) {
            List<String> models = DataMcCheck.presentModels(after, s.models(), null);
            for (String column : s.reconstructions()) {
                context.progress().checkCancelled();
                DataMcCheck.run(context, s, after, column, models);
            }
            summary.put("data_over_mc", DataMcCheck.normalisation(after, s.models(), null));
        }
        if (s.analyseMiScores()) {
            List<MiScore> scores = MiCheck.run(context, s, after.mc());
            context.output(RecoChecksStepProvider.MI_SCORES, scores);
            List<Object> mi = new ArrayList<>();
            for (MiScore m : scores) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("observable", m.observable());
                e.put("target", m.target());
                e.put("nats", m.nats());
                e.put("information_correlation", m.correlation());
                e.put("events", m.events());
                mi.add(e);
            }
            summary.put("mutual_information", mi);
        }
        context.artifacts().summary("reco_checks", summary);
    }

    /** Checks every column the switched-on checks read, before any work. */
    static void configure(RecoChecksSettings s, Samples after, Samples scoreInput, List<String> warnings) {
        EventTable mc = after.mc();
        if (scoreInput != null) {
            need(scoreInput.mc(), s.score(), "score");
            need(scoreInput.mc(), s.trueClass(), "true_class");
            if (scoreInput.hasData()) {
                need(scoreInput.data(), s.score(), "score");
            }
        }
        if (s.plotMultiplicity()) {
            need(mc, s.multiplicity(), "multiplicity");
            need(mc, s.nMuons(), "n_muons");
            need(mc, s.nStopping(), "n_stopping");
            if (after.hasData()) {
                need(after.data(), s.multiplicity(), "multiplicity");
            }
        }
        if (s.plotCorrelations()) {
            for (CorrelationPair p : s.correlations()) {
                need(mc, p.truth(), "correlations");
                need(mc, p.reco(), "correlations");
            }
        }
        if (s.plotDataMcAgreement()) {
            for (String c : s.reconstructions()) {
                need(mc, c, "reconstructions");
                need(after.data(), c, "reconstructions");
            }
            DataMcCheck.presentModels(after, s.models(), warnings);
        }
        if (s.analyseMiScores()) {
            for (String c : s.observables()) {
                need(mc, c, "observables");
            }
            for (String c : s.miTargets()) {
                need(mc, c, "mi_targets");
            }
        }
    }

    private static void need(EventTable t, String column, String key) {
        if (!t.hasColumn(column)) {
            throw new IllegalArgumentException("step reco_checks: sample '" + t.name() + "' has no column '" + column
                    + "' (setting '" + key + "'); columns: " + t.columnNames());
        }
    }
}
