package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.core.ConfigException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * One use of {@code mass_group_unfolding}: reads the data's and the simulation's (lg Ne, lg Nμ), unfolds
 * the data's plane into the spectra of the simulated mass groups ({@link MassGroupUnfolding}) and writes
 * the flux per group and of all particles (E^k-weighted, with the injected spectra when known), the data
 * plane, observed versus refolded projections and pulls, and every number as CSV. Runs on the calling
 * thread; the unfolder may use {@link StepContext#parallelism()} threads.
 */
final class MassGroupUnfoldingStep implements Step {
    /** Unit of the flux values. */
    static final String FLUX_UNIT = "m^-2 s^-1 sr^-1 GeV^-1";
    private final UnfolderCatalog catalog;
    private final MassGroupUnfoldingSettings s;

    MassGroupUnfoldingStep(UnfolderCatalog catalog, MassGroupUnfoldingSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.s = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        RegisteredUnfolder ru = catalog.resolve(s.method());
        Unfolder unfolder = configure(ru);
        SampleSet in = ctx.input(MassGroupUnfoldingStepProvider.SAMPLES, SampleSet.class);
        ShowerSample data = ShowerSample.read(in, s.data(), "data", s.dataColumns(), "data_columns",
                EnumSet.of(ShowerQuantity.LG_NE, ShowerQuantity.LG_NMU));
        ShowerSample sim = ShowerSample.read(in, s.simulation(), "simulation", s.simulationColumns(),
                "simulation_columns", EnumSet.of(ShowerQuantity.LG_E, ShowerQuantity.LG_NE, ShowerQuantity.LG_NMU,
                        ShowerQuantity.PRIMARY));
        SpectrumWeights weighting = new SpectrumWeights(s.generatedIndex(), s.weightToIndex());
        double[] lgE = sim.values(ShowerQuantity.LG_E);
        MassGroupUnfolding.Simulation showers = new MassGroupUnfolding.Simulation(sim.values(ShowerQuantity.LG_NE),
                sim.values(ShowerQuantity.LG_NMU), lgE, sim.groups(), weighting.unit() ? null : weighting.weights(lgE));
        MassGroupUnfolding.Generation gen = new MassGroupUnfolding.Generation(s.generatedIndex(), s.generatedLgEMin(),
                s.generatedLgEMax(), s.fullEfficiencyAbove());
        ctx.progress().begin("unfolding the electron-muon plane into mass groups (" + ru.id() + ")", 1);
        MassGroupSpectra r = MassGroupUnfolding.unfold(s.lgNeBinning(), s.lgNmuBinning(), s.lgEBinning(), gen,
                showers, data.values(ShowerQuantity.LG_NE), data.values(ShowerQuantity.LG_NMU), unfolder,
                new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress()));
        UnfoldingResult all = r.allParticle();
        ctx.output(MassGroupUnfoldingStepProvider.MASS_GROUPS, r.flattened());
        ctx.output(MassGroupUnfoldingStepProvider.ALL_PARTICLE, all);
        ctx.output(MassGroupUnfoldingStepProvider.TRUE_BINNING, r.lgEBinning());
        ctx.output(MassGroupUnfoldingStepProvider.SAMPLES_OUT, withCompositionWeights(in, r, sim.name(), lgE,
                sim.groups()));

        FluxScale scale = new FluxScale(r.lgEBinning(), s.areaM2(), s.solidAngleSr(), s.livetimeS());
        writeTables(ctx, r, all, scale);
        writeFluxPlots(ctx, r, all, scale, ru.id());
        writePlanePlots(ctx, r, data.name());
        writeSummary(ctx, r, ru, data.name(), sim.name(), weighting);
        double[][] simulated = r.simulated();
        for (int j = 0; j < r.lgEBinning().bins(); j++) {
            List<String> unseen = new ArrayList<>(), unsimulated = new ArrayList<>();
            for (int g = 0; g < r.groups().size(); g++) {
                if (!r.measured(g, j)) {
                    (simulated[g][j] > 0 ? unseen : unsimulated).add(r.groups().get(g).symbol() + (simulated[g][j] > 0
                            ? " (0 of " + (long) simulated[g][j] + ")" : ""));
                }
            }
            if (!unseen.isEmpty() || !unsimulated.isEmpty()) {
                ctx.warn(String.format(Locale.ROOT, "lg(E/eV) [%.2f, %.2f): not unfolded, so missing from the "
                        + "all-particle sum there: %s%s%s", r.lgEBinning().edge(j), r.lgEBinning().edge(j + 1),
                        unseen.isEmpty() ? "" : String.join(", ", unseen) + " (none of the simulated showers reaches the "
                                + "plane: efficiency ~0)", !unseen.isEmpty() && !unsimulated.isEmpty() ? "; " : "",
                        unsimulated.isEmpty() ? "" : String.join(", ", unsimulated) + " (no such shower in the simulation "
                                + "sample: too rare or removed by its own selection, i.e. efficiency ~0)"));
            }
        }
        if (r.counts().dataOutsideResponse() > 0.001 * r.counts().data()) {
            ctx.warn(r.counts().dataOutsideResponse() + " measured showers lie in cells of the plane no simulated "
                    + "shower reaches and are not unfolded");
        }
    }

    /**
     * @return the samples with the simulation's column {@code composition_weight_column} added: per shower
     *         {@link MassGroupSpectra#compositionWeight}, 0 outside the true range
     */
    private SampleSet withCompositionWeights(SampleSet in, MassGroupSpectra r, String simName, double[] lgE,
            int[] group) {
        EventTable sim = in.get(simName);
        if (sim.hasColumn(s.compositionWeightColumn())) {
            throw new InvalidSettingsException("composition_weight_column", "sample '" + simName + "' already has a "
                    + "column '" + s.compositionWeightColumn() + "'; choose another name");
        }
        int[] slot = new int[MassGroup.values().length];
        for (int g = 0; g < r.groups().size(); g++) {
            slot[r.groups().get(g).ordinal()] = g;
        }
        Binning be = r.lgEBinning();
        double[] w = new double[lgE.length];
        for (int k = 0; k < w.length; k++) {
            int j = be.findBin(lgE[k]);
            w[k] = j >= 0 && j < be.bins() ? r.compositionWeight(slot[group[k]], j) : 0.0;
        }
        EventTable.Builder b = EventTable.builder(simName);
        for (String c : sim.columnNames()) {
            b.add(sim.column(c));
        }
        b.add(Column.ofDoubles(s.compositionWeightColumn(), "", w));
        for (Map.Entry<String, Object> a : sim.attributes().entrySet()) {
            b.attribute(a.getKey(), a.getValue());
        }
        List<EventTable> tables = new ArrayList<>();
        for (EventTable t : in.tables()) {
            tables.add(t.name().equals(simName) ? b.build() : t);
        }
        return SampleSet.of(tables);
    }

    private Unfolder configure(RegisteredUnfolder ru) {
        if (ru == null) {
            List<String> ids = catalog.all().stream().map(RegisteredUnfolder::id).distinct().toList();
            throw new InvalidSettingsException("method", "no unfolder '" + s.method() + "' is installed; installed: "
                    + (ids.isEmpty() ? "(none)" : String.join(", ", ids)));
        }
        @SuppressWarnings("unchecked")
        UnfolderProvider<Record> provider = (UnfolderProvider<Record>) ru.provider();
        Record settings;
        try {
            settings = SettingsBinder.bindPlain(provider.descriptor().settingsType(), s.methodSettings(),
                    "method_settings", "unfolder '" + ru.id() + "'");
        } catch (ConfigException e) {
            throw new InvalidSettingsException("method_settings", e.getMessage());
        }
        return provider.create(settings);
    }

    /**
     * Flux normalisation Φ_j = N_j / (T A Ω ΔE_j) on the lg(E/eV) binning, ΔE in GeV.
     */
    record FluxScale(Binning lgE, double areaM2, double solidAngleSr, double livetimeS) {
        /** @return the energy binning in GeV (log10-spaced, geometric centres) */
        Binning energyGeV() {
            return Binning.log10(lgE.bins(), Math.pow(10, lgE.low() - 9), Math.pow(10, lgE.high() - 9));
        }

        /** @return the factor turning events in bin j into a flux, m⁻² s⁻¹ sr⁻¹ GeV⁻¹ per event */
        double factor(int j) {
            double de = Math.pow(10, lgE.edge(j + 1) - 9) - Math.pow(10, lgE.edge(j) - 9);
            return 1.0 / (livetimeS * areaM2 * solidAngleSr * de);
        }

        /** @return the flux with its covariance on {@link #energyGeV()} */
        Spectrum flux(Spectrum events) {
            int n = lgE.bins();
            double[] v = events.values();
            double[][] c = events.covariance();
            for (int j = 0; j < n; j++) {
                v[j] *= factor(j);
                for (int l = 0; l < n; l++) {
                    c[j][l] *= factor(j) * factor(l);
                }
            }
            return Spectrum.of(energyGeV(), v, c, FLUX_UNIT);
        }
    }

    private void writeTables(StepContext ctx, MassGroupSpectra r, UnfoldingResult all, FluxScale scale) {
        Binning lgE = r.lgEBinning(), eb = scale.energyGeV();
        double[][] simAll = r.simulated(), sel = r.selected(), thr = r.thrown(), eff = r.efficiency();
        boolean ref = s.reference().known();
        TableArtifact.Builder t = TableArtifact.builder().column("group", "").column("lgE_low", "lg(E/eV)")
                .column("lgE_high", "lg(E/eV)").column("E_low", "GeV").column("E_high", "GeV")
                .column("simulated_mc", "").column("selected_mc", "").column("thrown_mc", "").column("efficiency", "").column("measured", "")
                .column("unfolded_events", "").column("unfolded_events_error", "").column("flux", FLUX_UNIT)
                .column("flux_error", FLUX_UNIT).column("injected_flux", FLUX_UNIT);
        for (int g = 0; g < r.groups().size(); g++) {
            MassGroup mg = r.groups().get(g);
            Spectrum ev = r.generated(g), fl = scale.flux(ev);
            for (int j = 0; j < lgE.bins(); j++) {
                t.row(mg.symbol(), lgE.edge(j), lgE.edge(j + 1), eb.edge(j), eb.edge(j + 1), simAll[g][j], sel[g][j],
                        thr[g][j],
                        eff[g][j], r.measured(g, j) ? 1 : 0, ev.value(j), ev.uncertainty(j), fl.value(j), fl.uncertainty(j),
                        ref ? s.reference().binAverage(mg, eb.edge(j), eb.edge(j + 1)) : Double.NaN);
            }
        }
        ctx.artifacts().table("mass_group_bins", t.build());

        Spectrum ev = all.acceptanceCorrected(), fl = scale.flux(ev);
        TableArtifact.Builder a = TableArtifact.builder().column("lgE_low", "lg(E/eV)").column("lgE_high", "lg(E/eV)")
                .column("E_low", "GeV").column("E_high", "GeV").column("unfolded_events", "")
                .column("unfolded_events_error", "").column("flux", FLUX_UNIT).column("flux_error", FLUX_UNIT)
                .column("injected_flux", FLUX_UNIT).column("groups_not_measured", "");
        String[] missing = r.missingGroups();
        for (int j = 0; j < lgE.bins(); j++) {
            a.row(lgE.edge(j), lgE.edge(j + 1), eb.edge(j), eb.edge(j + 1), ev.value(j), ev.uncertainty(j), fl.value(j),
                    fl.uncertainty(j), ref ? s.reference().binAverage(null, eb.edge(j), eb.edge(j + 1)) : Double.NaN,
                    missing[j]);
        }
        ctx.artifacts().table("all_particle_bins", a.build());
        ctx.artifacts().table("all_particle_covariance", covariance(ev.covariance(), lgE, null));
        ctx.artifacts().table("mass_group_covariance", covariance(r.flattened().acceptanceCorrected().covariance(), lgE,
                r.groups()));

        Binning bx = r.lgNeBinning(), by = r.lgNmuBinning();
        double[] plane = r.observedPlane(), refolded = r.refolded(), mcVar = r.refoldedMcVariance();
        int[] cells = r.unfoldedCells();
        TableArtifact.Builder c = TableArtifact.builder().column("lgNe_low", "lg(Ne)").column("lgNe_high", "lg(Ne)")
                .column("lgNmu_low", "lg(Nmu)").column("lgNmu_high", "lg(Nmu)").column("observed", "")
                .column("refolded", "").column("refolded_mc_error", "").column("pull", "");
        for (int i = 0; i < cells.length; i++) {
            int ix = cells[i] / by.bins(), iy = cells[i] % by.bins();
            double o = plane[cells[i]], e = refolded[i];
            c.row(bx.edge(ix), bx.edge(ix + 1), by.edge(iy), by.edge(iy + 1), o, e, Math.sqrt(mcVar[i]),
                    pull(o, e, mcVar[i]));
        }
        ctx.artifacts().table("mass_group_cells", c.build());
    }

    /**
     * @return (observed − expected)/√(expected + mcVariance): Poisson and the simulation's statistics; NaN
     *         for an expectation below 1e-9
     */
    static double pull(double observed, double expected, double mcVariance) {
        return expected > 1e-9 ? (observed - expected) / Math.sqrt(expected + mcVariance) : Double.NaN;
    }

    private static TableArtifact covariance(double[][] cov, Binning lgE, List<MassGroup> groups) {
        int n = cov.length, nE = lgE.bins();
        TableArtifact.Builder t = TableArtifact.builder().column("bin", "");
        if (groups != null) {
            t.column("group", "");
        }
        t.column("lgE_low", "lg(E/eV)");
        for (int l = 0; l < n; l++) {
            t.column("cov_" + l, "events^2");
        }
        for (int j = 0; j < n; j++) {
            List<Object> row = new ArrayList<>();
            row.add(j);
            if (groups != null) {
                row.add(groups.get(j / nE).symbol());
            }
            row.add(lgE.edge(j % nE));
            for (int l = 0; l < n; l++) {
                row.add(cov[j][l]);
            }
            t.row(row.toArray());
        }
        return t.build();
    }

    private void writeFluxPlots(StepContext ctx, MassGroupSpectra r, UnfoldingResult all, FluxScale scale,
            String method) {
        double k = s.weightExponent();
        Binning eb = scale.energyGeV();
        Spectrum allFlux = scale.flux(all.acceptanceCorrected());
        List<Point> allPts = weighted(allFlux, k);
        List<List<Point>> groupPts = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            List<Point> pts = weighted(scale.flux(r.generated(g)), k);
            groupPts.add(pts);
        }
        // the range follows the all-particle points (groups pinned near 0 by the unfolder fall below it)
        Axis y = rangeFor(weightedAxis(k), allPts);
        if (Double.isFinite(y.min()) && y.min() > 0) {
            y = y.withRange(y.min() / 30, y.max() * 3);
        }
        Axis x = Axis.log("Energy E", "GeV");
        boolean ref = s.reference().known();

        // the palette gives black to the first point series and cycles six colours over the others:
        // all particles (black), five groups (colours 1-5), the all-particle line (colour 6), then the
        // group lines wrap round to colours 1-5, the same as their points
        PlotSpec.Builder p = PlotSpec.builder("Mass-group spectra (2-D unfolding of lg Ne, lg N\u03bc with " + method
                + ")", x, y).add(new PointSeries("all particles (sum)", allPts));
        for (int g = 0; g < r.groups().size(); g++) {
            p.add(new PointSeries(r.groups().get(g).symbol(), groupPts.get(g)));
        }
        if (ref) {
            p.add(new LineSeries("all particles, injected", curve(null, eb, k), true));
            for (MassGroup mg : r.groups()) {
                p.add(new LineSeries("", curve(mg, eb, k), true));
            }
            p.annotate("dashed: injected (synthetic model)");
        }
        ctx.artifacts().plot("mass_group_flux", p.build());

        PlotSpec.Builder q = PlotSpec.builder("All-particle flux: sum of the mass groups (" + method + ")", x,
                rangeFor(weightedAxis(k), allPts)).add(new PointSeries("sum of the unfolded mass groups", allPts));
        if (ref) {
            q.add(new LineSeries("injected (synthetic model)", curve(null, eb, k), true));
            List<Point> ratio = new ArrayList<>();
            for (int j = 0; j < eb.bins(); j++) {
                double rf = s.reference().binAverage(null, eb.edge(j), eb.edge(j + 1));
                if (allFlux.value(j) > 0 && allFlux.uncertainty(j) < allFlux.value(j) && rf > 0) {
                    double e = allFlux.uncertainty(j) / rf;
                    ratio.add(new Point(eb.centre(j), allFlux.value(j) / rf, 0, e, e));
                }
            }
            q.ratio(new RatioPanel(Axis.linear("Unfolded / injected", "").withRange(0.5, 1.5),
                    List.of(new PointSeries("", ratio)), 1.0));
        }
        ctx.artifacts().plot("all_particle_flux", q.build());
    }

    private List<Point> curve(MassGroup g, Binning eb, double k) {
        List<Point> c = new ArrayList<>();
        double lo = Math.log10(eb.low()), hi = Math.log10(eb.high());
        for (int q = 0; q <= 200; q++) {
            double e = Math.pow(10, lo + (hi - lo) * q / 200);
            c.add(Point.of(e, Math.pow(e, k) * (g == null ? s.reference().allParticleFlux(e)
                    : s.reference().flux(g, e))));
        }
        return c;
    }

    /** @return E^k Φ points at the geometric bin centres for bins with 0 < σ < Φ */
    static List<Point> weighted(Spectrum flux, double k) {
        Binning b = flux.binning();
        List<Point> pts = new ArrayList<>();
        for (int j = 0; j < b.bins(); j++) {
            double e = b.centre(j), f = Math.pow(e, k), v = flux.value(j) * f, sg = flux.uncertainty(j) * f;
            if (v > 0 && Double.isFinite(v) && sg < v) {
                pts.add(new Point(e, v, 0, sg, sg));
            }
        }
        return pts;
    }

    private static Axis weightedAxis(double k) {
        String ks = k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%s", k);
        String u = String.format(Locale.ROOT, "%.6f", k - 1).replaceAll("0+$", "").replaceAll("\\.$", "");
        return Axis.log("E^" + ks + " \u00b7 \u03a6", (Math.abs(k - 1) < 1e-12 ? "" : "GeV^" + u + " ")
                + "m^-2 s^-1 sr^-1");
    }

    private static Axis rangeFor(Axis axis, List<Point> pts) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Point p : pts) {
            lo = Math.min(lo, p.y() - p.yErrLow());
            hi = Math.max(hi, p.y() + p.yErrHigh());
        }
        return pts.isEmpty() || !(hi > lo) || !(lo > 0) ? axis : axis.withRange(lo / 2, hi * 4);
    }

    private void writePlanePlots(StepContext ctx, MassGroupSpectra r, String dataName) {
        Binning bx = r.lgNeBinning(), by = r.lgNmuBinning();
        double[] plane = r.observedPlane(), refolded = r.refolded(), mcVar = r.refoldedMcVariance();
        int[] cells = r.unfoldedCells();
        Histogram2D.Builder h = Histogram2D.builder(bx, by);
        for (int c = 0; c < plane.length; c++) {
            if (plane[c] > 0) {
                h.fillBin(c / by.bins(), c % by.bins(), plane[c]);
            }
        }
        ctx.artifacts().plot("mass_group_data_plane", PlotSpec.builder("Measured showers in the electron-muon plane ("
                + dataName + ")", new Axis("Electron number", "lg(Ne)", false, bx.low(), bx.high()),
                new Axis("Muon number", "lg(N\u03bc)", false, by.low(), by.high())).colour(Axis.log("Showers per cell", ""))
                .add(new Map2DSeries(dataName, h.build(), false))
                .annotate(String.format(Locale.ROOT, "%d of %d showers in the plane, %d cells unfolded",
                        r.counts().data() - r.counts().dataOutsideGrid(), r.counts().data(), cells.length))
                .build());

        // observed and refolded, projected on each axis, over the unfolded cells
        double[] ox = new double[bx.bins()], ex = new double[bx.bins()], oy = new double[by.bins()],
                ey = new double[by.bins()];
        List<Double> pulls = new ArrayList<>();
        double chi2 = 0;
        for (int i = 0; i < cells.length; i++) {
            int ix = cells[i] / by.bins(), iy = cells[i] % by.bins();
            double o = plane[cells[i]], e = refolded[i];
            ox[ix] += o;
            ex[ix] += e;
            oy[iy] += o;
            ey[iy] += e;
            double pl = pull(o, e, mcVar[i]);
            if (e >= 5 && Double.isFinite(pl)) {
                pulls.add(pl);
                chi2 += pl * pl;
            }
        }
        ctx.artifacts().plot("mass_group_refolded_lg_ne", projection("Electron number", "lg(Ne)", bx, ox, ex));
        ctx.artifacts().plot("mass_group_refolded_lg_nmu", projection("Muon number", "lg(N\u03bc)", by, oy, ey));

        Binning pb = Binning.linear(40, -5, 5);
        Histogram.Builder ph = Histogram.builder(pb);
        for (double v : pulls) {
            ph.fill(v);
        }
        List<Point> gauss = new ArrayList<>();
        for (int q = 0; q <= 200; q++) {
            double z = -5 + 10.0 * q / 200;
            gauss.add(Point.of(z, pulls.size() * pb.width(0) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)));
        }
        double mean = pulls.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        ctx.artifacts().plot("mass_group_pulls", PlotSpec.builder("Measured vs refolded, cell by cell",
                Axis.linear("(observed \u2212 refolded) / \u03c3", ""), Axis.linear("Cells", ""))
                .add(HistogramSeries.step("cells, refolded \u2265 5", ph.build()))
                .add(new LineSeries("N(0, 1)", gauss, true))
                .annotate(String.format(Locale.ROOT, "\u03c7\u00b2 = %.0f / %d cells", chi2, pulls.size()))
                .annotate(String.format(Locale.ROOT, "mean pull %.2f", mean))
                .annotate("\u03c3\u00b2 = refolded + simulation statistics")
                .build());
    }

    private static PlotSpec projection(String label, String unit, Binning b, double[] observed, double[] refolded) {
        List<Point> pts = new ArrayList<>(), ratio = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            if (observed[i] > 0) {
                double e = Math.sqrt(observed[i]);
                pts.add(new Point(b.centre(i), observed[i], 0.5 * b.width(i), Math.min(e, 0.999 * observed[i]), e));
                if (refolded[i] > 0) {
                    ratio.add(new Point(b.centre(i), observed[i] / refolded[i], 0.5 * b.width(i), e / refolded[i],
                            e / refolded[i]));
                }
            }
        }
        double max = 0;
        for (double o : observed) {
            max = Math.max(max, o);
        }
        Axis y = Axis.log("Showers per bin", "");
        return PlotSpec.builder("Measured vs refolded showers, projected on " + label.toLowerCase(Locale.ROOT),
                new Axis(label, unit, false, b.low(), b.high()), max > 0 ? y.withRange(0.3, 10 * max) : y)
                .add(new PointSeries("measured", pts))
                .add(HistogramSeries.step("refolded (unfolded spectra \u00d7 response)", Histogram.of(b, refolded,
                        new double[b.bins()])))
                .ratio(new RatioPanel(Axis.linear("Measured / refolded", "").withRange(0.8, 1.2),
                        List.of(new PointSeries("", ratio)), 1.0))
                .build();
    }

    private void writeSummary(StepContext ctx, MassGroupSpectra r, RegisteredUnfolder ru, String dataName,
            String simName, SpectrumWeights weighting) {
        var d = r.flattened().diagnostics();
        MassGroupSpectra.Counts n = r.counts();
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("data", dataName);
        sm.put("simulation", simName);
        sm.put("groups", r.groups().stream().map(MassGroup::symbol).toList());
        sm.put("method", ru.id());
        sm.put("method_origin", ru.origin());
        sm.put("iterations", d.iterations());
        sm.put("converged", d.converged());
        sm.put("stop_reason", d.stopReason());
        sm.put("diagnostics", new LinkedHashMap<>(d.extra()));
        sm.put("observed_cells", r.lgNeBinning().bins() * r.lgNmuBinning().bins());
        sm.put("unfolded_cells", r.unfoldedCells().length);
        sm.put("true_bins", r.groups().size() * r.lgEBinning().bins());
        sm.put("simulated_showers", n.simulated());
        sm.put("simulated_outside_true_range", n.simOutsideTrue());
        sm.put("simulated_outside_plane", n.simOutsideGrid());
        sm.put("measured_showers", n.data());
        sm.put("measured_outside_plane", n.dataOutsideGrid());
        sm.put("measured_in_cells_without_simulation", n.dataOutsideResponse());
        sm.put("response_weighting", weighting.describe());
        sm.put("efficiency", "per group: selected / thrown, thrown from E^-" + s.generatedIndex()
                + " normalised to full efficiency above lg(E/eV) = " + s.fullEfficiencyAbove());
        sm.put("area_m2", s.areaM2());
        sm.put("solid_angle_sr", s.solidAngleSr());
        sm.put("livetime_s", s.livetimeS());
        sm.put("flux_unit", FLUX_UNIT);
        sm.put("response_statistics", "the simulation's statistical uncertainty is not in the covariance");
        ctx.artifacts().summary("mass_group_summary", sm);
    }
}
