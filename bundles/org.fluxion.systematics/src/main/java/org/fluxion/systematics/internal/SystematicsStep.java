package org.fluxion.systematics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.core.ConfigException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.systematics.SystematicBand;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * One use of the {@code systematics} step. Configure: resolve the unfolder, check the inputs' binnings
 * and columns. Execute: select each sector's events, check the partition, derive the sector effective
 * areas ({@link SectorEffectiveArea}); with {@code data_based}, unfold the full sample and every
 * sector in the same way, take the flux ratios ({@link SectorRatio}) and the band. Runs on the calling
 * thread (the unfolder may use {@link StepContext#parallelism()} threads); every unfolding uses the
 * step seed, so identical inputs give identical estimates.
 */
final class SystematicsStep implements Step {
    /** Relative tolerance of the input flux normalisation check. */
    private static final double NORMALISATION_TOLERANCE = 1e-6;
    static final String BAND_DEFINITION = "per bin the largest deviation of a sector's flux ratio to the full sample "
            + "from 1 beyond its statistical error: max_s sqrt(max(0, (R_s - 1)^2 - sigma_s^2))";
    private final UnfolderCatalog catalog;
    private final SystematicsSettings s;

    SystematicsStep(UnfolderCatalog catalog, SystematicsSettings settings) {
        this.catalog = catalog;
        this.s = settings;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (!s.calculateEffectiveArea() && !s.dataBased()) {
            throw new InvalidSettingsException("data_based", "neither calculate_effective_area nor data_based is true: "
                    + "the step has nothing to do; enable one or disable the step");
        }
        // configure
        RegisteredUnfolder ru = s.dataBased() ? resolveUnfolder() : null;
        Unfolder unfolder = ru == null ? null : create(ru);
        if (ru != null && !"llh".equals(ru.id()) && !(s.reg().size() == 1 && s.reg().get(0) == 1.0)) {
            ctx.warn("reg " + s.reg() + " sets tau of the llh unfolder only; the sector unfoldings use '" + ru.id()
                    + "' with method_settings " + s.methodSettings());
        }
        SampleSet samples = ctx.input(SystematicsStepProvider.SAMPLES, SampleSet.class);
        EffectiveArea area = ctx.input(SystematicsStepProvider.EFFECTIVE_AREA, EffectiveArea.class);
        Binning tb = s.trueBinning();
        Binning pb = s.proxyBinning();
        requireBinning("effective_area", area.binning(), tb);
        EventTable mc = sample(samples, "mc", s.mc());
        double[] mcTruth = column(mc, "truth", s.truth());
        double[] w = column(mc, "model", s.model());
        for (int k = 0; k < w.length; k++) {
            if (!(w[k] >= 0) || Double.isInfinite(w[k])) {
                throw new InvalidSettingsException("model", "event " + k + " of sample '" + mc.name() + "' has weight "
                        + w[k] + " in column '" + s.model() + "'; expected finite >= 0");
            }
        }
        Spectrum unfoldedIn = null, fluxIn = null;
        EventTable data = null;
        double livetime = Double.NaN;
        if (s.dataBased()) {
            unfoldedIn = ctx.input(SystematicsStepProvider.UNFOLDED, Spectrum.class);
            fluxIn = ctx.input(SystematicsStepProvider.FLUX, Spectrum.class);
            requireBinning("unfolded", unfoldedIn.binning(), tb);
            requireBinning("flux", fluxIn.binning(), tb);
            data = sample(samples, "data", s.data());
            livetime = data.numberAttribute("livetime_s", Double.NaN);
            if (!(livetime > 0) || Double.isInfinite(livetime)) {
                throw new InvalidSettingsException("data", "sample '" + data.name() + "' needs a positive attribute "
                        + "livetime_s for its flux but has " + data.attributes().get("livetime_s"));
            }
        }

        // sectors and their effective areas
        SectorSelections mcSectors = SectorSelections.of(s.sectors(), mc);
        SectorSelections dataSectors = data == null ? null : SectorSelections.of(s.sectors(), data);
        List<String> names = mcSectors.names();
        writePartition(ctx, mcSectors, dataSectors, w);
        WeightedCounts fullCounts = WeightedCounts.fill(mcTruth, w, Selection.all(mc.rowCount()), tb);
        Map<String, WeightedCounts> counts = new LinkedHashMap<>();
        List<SectorEffectiveArea> areas = new ArrayList<>();
        for (String name : names) {
            WeightedCounts c = WeightedCounts.fill(mcTruth, w, mcSectors.rows(name), tb);
            counts.put(name, c);
            areas.add(SectorEffectiveArea.of(name, area, fullCounts, c));
        }
        SystematicsArtifacts art = new SystematicsArtifacts(ctx, s);
        art.effectiveAreas(area, areas);
        if (!s.dataBased()) {
            return;
        }

        // per-sector unfoldings, ratios and the band
        double[] mcProxy = column(mc, "proxy", s.proxy());
        double[] dataProxy = column(data, "proxy", s.proxy());
        UnfoldingContext uc = new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress());
        ctx.progress().begin("unfolding the full sample and " + names.size() + " sectors", names.size() + 1);
        UnfoldingResult reference = SectorUnfolding.unfold("all", unfolder, SectorUnfolding.problem("all", pb, tb, mcProxy,
                mcTruth, w, Selection.all(mc.rowCount()), dataProxy, Selection.all(data.rowCount())), uc);
        ctx.progress().worked(1);
        Spectrum referenceFlux = FluxNormalisation.flux(reference.estimate(), area, livetime, s.fluxUnit());
        List<SectorRatio> ratios = new ArrayList<>();
        List<Spectrum> sectorUnfolded = new ArrayList<>(), sectorFlux = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            ctx.progress().checkCancelled();
            String name = names.get(k);
            UnfoldingResult r = SectorUnfolding.unfold(name, unfolder, SectorUnfolding.problem(name, pb, tb, mcProxy,
                    mcTruth, w, mcSectors.rows(name), dataProxy, dataSectors.rows(name)), uc);
            sectorUnfolded.add(r.estimate());
            sectorFlux.add(FluxNormalisation.flux(r.estimate(), areas.get(k).area(), livetime, s.fluxUnit()));
            ratios.add(SectorRatio.of(name, r.estimate(), reference.estimate(), counts.get(name), fullCounts, s.minShare()));
            ctx.progress().worked(1);
        }
        double[] band = SectorRatio.band(ratios);
        checkInputs(ctx, area, livetime, unfoldedIn, fluxIn, reference.estimate());
        art.ratios(reference.estimate(), referenceFlux, fluxIn, sectorUnfolded, sectorFlux, ratios, band);
        art.perBin(fluxIn, band);
        art.summary(ru, livetime, mcSectors, dataSectors, ratios, band, unfoldedIn, reference.estimate());
        ctx.output(SystematicsStepProvider.BAND, SystematicBand.of(s.quantity(), s.unit(), tb, band, BAND_DEFINITION));
    }

    /**
     * Warns when the input flux is not the input unfolded spectrum normalised with the flux convention
     * (the sector fluxes use that convention), and when the reference unfolding made here differs from
     * the input unfolding by more than one standard deviation in a bin.
     */
    private void checkInputs(StepContext ctx, EffectiveArea area, double livetime, Spectrum unfoldedIn, Spectrum fluxIn,
            Spectrum reference) {
        for (int i = 0; i < fluxIn.binning().bins(); i++) {
            if (!(area.areaM2(i) > 0)) {
                continue;
            }
            double expected = unfoldedIn.value(i) * FluxNormalisation.factor(area, livetime, i);
            double got = fluxIn.value(i);
            if (Math.abs(got - expected) > NORMALISATION_TOLERANCE * Math.max(Math.abs(expected), Double.MIN_NORMAL)) {
                ctx.warn(String.format(Locale.ROOT, "input flux of bin %d is %.6g %s but unfolded / (T dx Omega A_eff) "
                        + "= %.6g with T = %.6g s: the flux step uses another normalisation than the sector fluxes",
                        i, got, fluxIn.unit(), expected, livetime));
                break;
            }
        }
        for (int i = 0; i < reference.binning().bins(); i++) {
            double sig = unfoldedIn.uncertainty(i);
            double d = reference.value(i) - unfoldedIn.value(i);
            if (sig > 0 && Math.abs(d) > sig) {
                ctx.warn(String.format(Locale.ROOT, "the full-sample reference unfolded here (%s, %s) differs from the "
                        + "input unfolding in bin %d by %.2f sigma (%.6g vs %.6g); the sector ratios are taken to the "
                        + "reference, so that the unfolding method cancels", s.method(), s.unfolderSettings(), i,
                        d / sig, reference.value(i), unfoldedIn.value(i)));
                break;
            }
        }
    }

    private RegisteredUnfolder resolveUnfolder() {
        RegisteredUnfolder ru = catalog.resolve(s.method());
        if (ru == null) {
            List<String> ids = catalog.all().stream().map(RegisteredUnfolder::id).distinct().toList();
            throw new InvalidSettingsException("method", "no unfolder '" + s.method() + "' is installed; installed: "
                    + (ids.isEmpty() ? "(none)" : String.join(", ", ids)));
        }
        return ru;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Unfolder create(RegisteredUnfolder ru) {
        UnfolderProvider provider = ru.provider();
        Record settings;
        try {
            settings = SettingsBinder.bindPlain(provider.descriptor().settingsType(), s.unfolderSettings(),
                    "method_settings", "unfolder '" + ru.id() + "'");
        } catch (ConfigException e) {
            throw new InvalidSettingsException("method_settings", e.getMessage());
        }
        return provider.create(settings);
    }

    private void requireBinning(String port, Binning got, Binning expected) {
        boolean same = got.bins() == expected.bins();
        for (int i = 0; same && i <= expected.bins(); i++) {
            same = Math.abs(got.edge(i) - expected.edge(i)) <= 1e-9 * Math.max(Math.abs(expected.edge(i)), 1e-300);
        }
        if (!same) {
            throw new InvalidSettingsException("bins", "input '" + port + "' has the true binning " + got + " but the "
                    + "settings (min " + s.min() + ", max " + s.max() + ", bins " + s.bins() + ", log " + s.log()
                    + ") give " + expected + "; use the binning keys of the unfolding and effective-area steps");
        }
    }

    private static EventTable sample(SampleSet samples, String key, String name) {
        try {
            return samples.get(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key, e.getMessage());
        }
    }

    private static double[] column(EventTable t, String key, String column) {
        if (!t.hasColumn(column)) {
            throw new InvalidSettingsException(key, "sample '" + t.name() + "' has no column '" + column + "'; available: "
                    + t.columnNames());
        }
        return t.column(column).toDoubleArray();
    }

    private void writePartition(StepContext ctx, SectorSelections mc, SectorSelections data, double[] w) {
        SystematicsArtifacts.partition(ctx, mc, data, w);
        for (SectorSelections p : data == null ? List.of(mc) : List.of(mc, data)) {
            if (p.missed() > 0 || p.overlaps() > 0) {
                ctx.warn(String.format(Locale.ROOT, "sectors %s do not partition sample '%s': %d of %d events (%.3g %%) "
                        + "are in no sector and %d (%.3g %%) in more than one", p.names(), p.sample(), p.missed(),
                        p.events(), 100 * p.missedFraction(), p.overlaps(), 100 * p.overlapFraction()));
            }
        }
    }
}
