package org.fluxion.effarea.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.effarea.EffectiveAreaEstimator;
import org.fluxion.effarea.EffectiveAreaResult;
import org.fluxion.effarea.EffectiveAreaSpec;
import org.fluxion.effarea.ZenithBands;

/**
 * One use of {@code effective_area}: computes (or reloads) the result, writes
 * {@code effective_area.json}, the table {@code effective_area_bins} and the plots, and publishes
 * the {@link EffectiveArea}. The flux-model systematic of bin i is max_m |A_m,i − A_i| over the
 * other models' weight columns m present in both samples (A_m without bootstrap).
 */
final class EffectiveAreaStep implements Step {
    private final EffectiveAreaSettings settings;

    EffectiveAreaStep(EffectiveAreaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) throws Exception {
        SampleSet in = context.input(EffectiveAreaStepProvider.SAMPLES, SampleSet.class);
        EventTable l0 = sample(context, in, settings.l0(), "l0");
        EventTable mc = sample(context, in, settings.mc(), "mc");
        double zenithMax = settings.zenithMax();
        if (Double.isNaN(zenithMax)) {
            zenithMax = l0.numberAttribute("zenith_max_deg", Double.NaN);
            if (Double.isNaN(zenithMax)) {
                throw new IllegalArgumentException(where(context) + ": L0 sample '" + l0.name()
                        + "' has no attribute 'zenith_max_deg'; set 'zenith_max' (deg)");
            }
        }
        EffectiveAreaSpec spec = settings.spec(zenithMax);
        checkSameModel(context, l0, mc);
        List<String> models = systModels(context, l0, mc);
        Map<String, Object> fingerprint = fingerprint(context, spec, l0, mc, models);

        SavedEffectiveArea saved = settings.load() ? reload(context, fingerprint, spec) : compute(context, l0, mc, spec,
                models, fingerprint);
        EffectiveAreaArtifacts.write(context.artifacts(), saved, settings.range());
        long empty = Arrays.stream(saved.result().l0Events()).filter(c -> c == 0).count();
        if (empty > 0) {
            context.warn(where(context) + ": " + empty + " bin(s) without L0 events in their zenith band have A_eff = 0: "
                    + "see l0_events in effective_area_bins.csv");
        }
        context.output(EffectiveAreaStepProvider.OUTPUT, saved.result().effectiveArea());
    }

    private SavedEffectiveArea compute(StepContext context, EventTable l0, EventTable mc, EffectiveAreaSpec spec,
            List<String> models, Map<String, Object> fingerprint) {
        ProgressMonitor monitor = context.progress();
        EffectiveAreaResult r = EffectiveAreaEstimator.estimateDetailed(l0, mc, spec, settings.iterations(),
                context.seed(), context.parallelism(), monitor);
        Map<String, double[]> modelAreas = new LinkedHashMap<>();
        if (settings.includeSystUnc()) {
            double[] nominal = r.effectiveArea().areaM2();
            double[] syst = new double[nominal.length];
            for (String m : models) {
                monitor.checkCancelled();
                double[] a = EffectiveAreaEstimator.estimate(l0, mc, spec.withWeightColumn(m), 0, context.seed(),
                        context.parallelism()).areaM2();
                modelAreas.put(m, a);
                for (int i = 0; i < syst.length; i++) {
                    syst[i] = Math.max(syst[i], Math.abs(a[i] - nominal[i]));
                }
            }
            r = r.withSystematicErrorM2(syst);
        }
        return new SavedEffectiveArea(fingerprint, r, modelAreas);
    }

    private SavedEffectiveArea reload(StepContext context, Map<String, Object> fingerprint, EffectiveAreaSpec spec)
            throws InputException, IOException {
        Path dir = context.previousResults();
        String hint = "run once with 'load: false' to compute and save it";
        if (dir == null) {
            throw new InputException(null, -1, where(context) + ": 'load: true' but there is no previous complete run "
                    + "with results of this step; " + hint);
        }
        Path file = dir.resolve(SavedEffectiveArea.NAME + ".json");
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, -1, where(context) + ": 'load: true' but the previous run has no "
                    + file.getFileName() + "; " + hint);
        }
        Object json;
        try {
            json = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, -1, e.getMessage() + "; " + hint, e);
        }
        Object savedPrint = json instanceof Map<?, ?> m ? m.get("fingerprint") : null;
        List<String> changes = Fingerprints.differences(savedPrint, fingerprint);
        if (!changes.isEmpty()) {
            throw new InputException(file, -1, where(context) + ": refusing to reload: the saved effective area was "
                    + "made from different " + Fingerprints.categories(changes) + ": " + String.join("; ", changes)
                    + "; " + hint);
        }
        try {
            return SavedEffectiveArea.fromJson(json, file.toString(), spec.binning());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, -1, e.getMessage() + "; " + hint, e);
        }
    }

    private Map<String, Object> fingerprint(StepContext context, EffectiveAreaSpec spec, EventTable l0, EventTable mc,
            List<String> models) {
        context.progress().begin("hashing the input columns", -1);
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> binning = new LinkedHashMap<>();
        binning.put("kind", spec.binning().kind().name());
        binning.put("edges", SavedEffectiveArea.doubles(spec.binning().edges()));
        f.put("binning", binning);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("quantity", spec.quantity());
        s.put("true_column", spec.trueColumn());
        s.put("zenith_column", spec.zenithColumn());
        s.put("weight_column", spec.weightColumn());
        s.put("band_rule", bandRule(spec.bands()));
        s.put("iterations", (long) settings.iterations());
        s.put("seed", settings.iterations() > 0 ? Long.toHexString(context.seed()) : "unused");
        s.put("include_syst_unc", settings.includeSystUnc());
        s.put("syst_models", new ArrayList<Object>(models));
        f.put("settings", s);
        Set<String> l0Columns = new LinkedHashSet<>(List.of(spec.trueColumn(), spec.zenithColumn(), spec.weightColumn()));
        Set<String> mcColumns = new LinkedHashSet<>(List.of(spec.trueColumn(), spec.weightColumn()));
        l0Columns.addAll(models);
        mcColumns.addAll(models);
        f.put("l0", sampleFingerprint(l0, l0Columns));
        f.put("mc", sampleFingerprint(mc, mcColumns));
        return f;
    }

    private static Map<String, Object> sampleFingerprint(EventTable t, Set<String> columns) {
        for (String c : columns) {
            if (!t.hasColumn(c)) {
                throw new IllegalArgumentException("sample '" + t.name() + "' has no column '" + c + "'; available: "
                        + t.columnNames());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample", t.name());
        m.put("rows", (long) t.rowCount());
        double aGen = t.numberAttribute(EffectiveAreaEstimator.GENERATION_AREA, Double.NaN);
        if (Double.isFinite(aGen)) {
            m.put("generation_area_m2", aGen);
        }
        m.put("columns", new ArrayList<Object>(columns));
        m.put("hash", ColumnHash.of(t, columns));
        return m;
    }

    private static Map<String, Object> bandRule(ZenithBands bands) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (bands instanceof ZenithBands.SlantDepth sd) {
            m.put("rule", "slant_depth");
            m.put("half_height_m", sd.halfHeightM());
            m.put("origin_depth_m", sd.originDepthM());
            m.put("earth_radius_m", sd.earthRadiusM());
        } else {
            m.put("rule", "full_range");
        }
        m.put("zenith_max_deg", bands.zenithMaxDeg());
        return m;
    }

    private List<String> systModels(StepContext context, EventTable l0, EventTable mc) {
        if (!settings.includeSystUnc()) {
            return List.of();
        }
        List<String> used = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String m : settings.systModels()) {
            if (l0.hasColumn(m) && mc.hasColumn(m)) {
                used.add(m);
            } else {
                missing.add(m);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException(where(context) + ": 'include_syst_unc: true' but none of 'syst_models' "
                    + settings.systModels() + " is a column of both '" + l0.name() + "' and '" + mc.name()
                    + "'; columns of '" + mc.name() + "': " + mc.columnNames());
        }
        if (!missing.isEmpty()) {
            context.warn(where(context) + ": flux-model systematic without " + missing
                    + " (not a column of both samples); using " + used);
        }
        return used;
    }

    private void checkSameModel(StepContext context, EventTable l0, EventTable mc) {
        Object a = l0.attributes().get("weight_column");
        Object b = mc.attributes().get("weight_column");
        if (a != null && b != null && !a.equals(b)) {
            throw new IllegalArgumentException(where(context) + ": the samples carry different flux models: '" + l0.name()
                    + "' weight_column = " + a + ", '" + mc.name() + "' weight_column = " + b
                    + "; load both with the same 'model'");
        }
    }

    private static EventTable sample(StepContext context, SampleSet in, String name, String key) {
        if (!in.names().contains(name)) {
            throw new IllegalArgumentException(where(context) + ": '" + key + "' names sample '" + name
                    + "' but the input has " + in.names());
        }
        return in.get(name);
    }

    private static String where(StepContext context) {
        return "step '" + context.name() + "' (" + context.stepId() + ")";
    }
}
