package org.fluxion.spectrum.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Step {@code fit_spectrum}: χ² fit (full covariance) of a power law or a smooth-knee broken power
 * law to a flux ({@link FitSpectrumSettings}); writes the parameters with errors and covariance,
 * χ²/ndf, a summary and the E^k-weighted plot with the fit and a data/fit ratio panel. Stateless,
 * thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + FitSpectrumStepProvider.ID,
        StepProvider.STEP_TITLE + "=Spectral fit" })
public final class FitSpectrumStepProvider implements StepProvider<FitSpectrumSettings> {
    /** The stable step id. */
    public static final String ID = "fit_spectrum";
    /** Input port: the flux. */
    public static final String SPECTRUM = "spectrum";

    private static final StepDescriptor<FitSpectrumSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Spectral fit",
            "Fits a power law or a broken power law with a smooth knee to a flux with its full covariance "
                    + "(chi-square, Levenberg-Marquardt); parameters with errors and covariance, fit plot with ratio panel.",
            List.of(Port.of(SPECTRUM, Spectrum.class, "flux per energy bin (GeV) with covariance")), List.of(),
            FitSpectrumSettings.class);

    @Override
    public StepDescriptor<FitSpectrumSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(FitSpectrumSettings settings) {
        return ctx -> run(ctx, settings);
    }

    /** The bins that enter a fit: inside the energy range, positive value and variance, σ/Φ <= max_relative_error. */
    static int[] selectBins(Spectrum flux, FitSpectrumSettings s) {
        Binning b = flux.binning();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < b.bins(); j++) {
            double e = b.centre(j);
            if ((Double.isNaN(s.energyMinGev()) || e >= s.energyMinGev())
                    && (Double.isNaN(s.energyMaxGev()) || e <= s.energyMaxGev()) && flux.value(j) > 0
                    && flux.uncertainty(j) > 0 && flux.uncertainty(j) <= s.maxRelativeError() * flux.value(j)) {
                idx.add(j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fits the selected bins; the start normalisation is the flux of the bin nearest E0, moved to E0. */
    static SpectrumFit.Result fit(Spectrum flux, FitSpectrumSettings s, int[] idx) {
        Binning b = flux.binning();
        int n = idx.length;
        double[] e = new double[n], y = new double[n];
        double[][] cov = new double[n][n], full = flux.covariance();
        int nearest = 0;
        for (int a = 0; a < n; a++) {
            e[a] = b.centre(idx[a]);
            y[a] = flux.value(idx[a]);
            for (int c = 0; c < n; c++) {
                cov[a][c] = full[idx[a]][idx[c]];
            }
            if (Math.abs(Math.log(e[a] / s.referenceGev())) < Math.abs(Math.log(e[nearest] / s.referenceGev()))) {
                nearest = a;
            }
        }
        double lnPhi0 = Math.log(y[nearest]) + s.gamma1Start() * Math.log(e[nearest] / s.referenceGev());
        double[] start = s.model() == SpectralShape.KNEE
                ? new double[] { lnPhi0, s.gamma1Start(), s.gamma2Start(), Math.log(s.kneeStartGev()) }
                : new double[] { lnPhi0, s.gamma1Start() };
        if (s.model() == SpectralShape.KNEE) {
            // the knee term is ≈ 1 below Ek; correct the start normalisation when E0 lies above it
            start[0] -= (start[1] - start[2]) / s.smoothness()
                    * Math.log1p(Math.pow(s.referenceGev() / s.kneeStartGev(), s.smoothness()));
        }
        return new SpectrumFit(s.model(), s.referenceGev(), s.smoothness()).fit(e, y, cov, start);
    }

    private static void run(StepContext ctx, FitSpectrumSettings s) {
        Spectrum flux = ctx.input(SPECTRUM, Spectrum.class);
        Binning b = flux.binning();
        int[] idx = selectBins(flux, s);
        int m = s.model().parameters();
        if (idx.length <= m) {
            throw new InvalidSettingsException("energy_min_gev", "only " + idx.length + " bins with a positive flux and a "
                    + "relative error <= " + s.maxRelativeError() + " lie in [" + s.energyMinGev() + ", " + s.energyMaxGev() + "] GeV, but a " + name(s.model())
                    + " fit of " + m + " parameters needs at least " + (m + 1));
        }
        SpectrumFit.Result r;
        try {
            r = fit(flux, s, idx);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("step '" + ctx.name() + "': " + e.getMessage() + " in the bins "
                    + java.util.Arrays.toString(idx), e);
        }
        if (!r.converged()) {
            ctx.warn("the fit did not converge in " + r.iterations() + " iterations; results may be off the minimum");
        }
        SpectrumFit model = new SpectrumFit(s.model(), s.referenceGev(), s.smoothness());
        double[] p = r.parameters();
        double ln10 = Math.log(10);

        // parameters in physical units
        List<String> names = new ArrayList<>(List.of("phi0", "gamma1"));
        List<String> units = new ArrayList<>(List.of(flux.unit(), ""));
        double[] val = new double[m], err = new double[m];
        val[0] = Math.exp(p[0]);
        err[0] = val[0] * r.error(0);
        val[1] = p[1];
        err[1] = r.error(1);
        if (s.model() == SpectralShape.KNEE) {
            names.addAll(List.of("gamma2", "knee_energy"));
            units.addAll(List.of("", "GeV"));
            val[2] = p[2];
            err[2] = r.error(2);
            val[3] = Math.exp(p[3]);
            err[3] = val[3] * r.error(3);
        }
        TableArtifact.Builder t = TableArtifact.builder().column("parameter", "").column("value", "").column("error", "")
                .column("unit", "");
        for (int k = 0; k < m; k++) {
            t.row(names.get(k), val[k], err[k], units.get(k));
        }
        ctx.artifacts().table("fit_parameters", t.build());
        double[][] cov = r.covariance();
        TableArtifact.Builder c = TableArtifact.builder().column("parameter", "");
        List<String> internal = List.of("ln_phi0", "gamma1", "gamma2", "ln_knee_energy_gev").subList(0, m);
        internal.forEach(nm -> c.column(nm, ""));
        for (int a = 0; a < m; a++) {
            Object[] row = new Object[m + 1];
            row[0] = internal.get(a);
            for (int q = 0; q < m; q++) {
                row[q + 1] = cov[a][q];
            }
            c.row(row);
        }
        ctx.artifacts().table("fit_covariance", c.build());

        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("model", name(s.model()));
        sm.put("formula", s.model() == SpectralShape.KNEE
                ? "phi0 (E/E0)^-gamma1 [1 + (E/Ek)^eps]^((gamma1-gamma2)/eps)" : "phi0 (E/E0)^-gamma1");
        sm.put("reference_energy_gev", s.referenceGev());
        if (s.model() == SpectralShape.KNEE) {
            sm.put("smoothness_fixed", s.smoothness());
        }
        for (int k = 0; k < m; k++) {
            sm.put(names.get(k), val[k]);
            sm.put(names.get(k) + "_error", err[k]);
        }
        if (s.model() == SpectralShape.KNEE) {
            sm.put("lg_knee_energy_ev", p[3] / ln10 + 9);
            sm.put("lg_knee_energy_ev_error", r.error(3) / ln10);
            double cor = cov[1][2] / Math.sqrt(cov[1][1] * cov[2][2]);
            sm.put("correlation_gamma1_gamma2", cor);
        }
        if (s.reference() != ReferenceModel.NONE) {
            // the same fit to the reference's bin averages with the data's covariance
            double[] refValues = new double[b.bins()];
            for (int j = 0; j < b.bins(); j++) {
                refValues[j] = s.reference().binAverage(b.edge(j), b.edge(j + 1));
            }
            SpectrumFit.Result ref = fit(Spectrum.of(b, refValues, flux.covariance(), flux.unit()), s, idx);
            double[] rp = ref.parameters();
            sm.put("reference", s.reference().name().toLowerCase(Locale.ROOT));
            sm.put("reference_gamma1", rp[1]);
            sm.put("pull_gamma1", (p[1] - rp[1]) / r.error(1));
            if (s.model() == SpectralShape.KNEE) {
                sm.put("reference_gamma2", rp[2]);
                sm.put("pull_gamma2", (p[2] - rp[2]) / r.error(2));
                sm.put("reference_lg_knee_energy_ev", rp[3] / ln10 + 9);
                sm.put("pull_lg_knee_energy", (p[3] - rp[3]) / r.error(3));
            }
            sm.put("reference_phi0", Math.exp(rp[0]));
            sm.put("pull_ln_phi0", (p[0] - rp[0]) / r.error(0));
        }
        sm.put("phi0_unit", flux.unit());
        sm.put("chi2", r.chi2());
        sm.put("ndf", r.ndf());
        sm.put("chi2_per_ndf", r.chi2() / r.ndf());
        sm.put("bins_used", idx.length);
        sm.put("energy_range_gev", List.of(b.edge(idx[0]), b.edge(idx[idx.length - 1] + 1)));
        sm.put("iterations", r.iterations());
        sm.put("converged", r.converged());
        ctx.artifacts().summary("fit_summary", sm);

        double k = s.weightExponent();
        List<Point> curve = new ArrayList<>();
        double lo = Math.log10(b.edge(idx[0])), hi = Math.log10(b.edge(idx[idx.length - 1] + 1));
        for (int q = 0; q <= 300; q++) {
            double e = Math.pow(10, lo + (hi - lo) * q / 300);
            curve.add(Point.of(e, Math.pow(e, k) * model.flux(p, e)));
        }
        List<Point> ratio = new ArrayList<>();
        for (int j : idx) {
            double e = b.centre(j), f = model.flux(p, e);
            double u = flux.uncertainty(j) / f;
            ratio.add(new Point(e, flux.value(j) / f, 0, u, u));
        }
        PlotSpec.Builder plot = PlotSpec.builder("Spectral fit: " + name(s.model()), WeightedFlux.energyAxis(),
                WeightedFlux.axis(k)).add(new PointSeries("Flux (fitted bins)", WeightedFlux.points(subset(flux, idx), k, Double.POSITIVE_INFINITY)))
                .add(new LineSeries("Fit", curve, false))
                .ratio(new RatioPanel(Axis.linear("Flux / fit", "").withRange(0.5, 1.5), List.of(new PointSeries("", ratio)),
                        1.0));
        plot.annotate(String.format(Locale.ROOT, "\u03b3\u2081 = %.3f \u00b1 %.3f", val[1], err[1]));
        if (s.model() == SpectralShape.KNEE) {
            plot.annotate(String.format(Locale.ROOT, "\u03b3\u2082 = %.3f \u00b1 %.3f", val[2], err[2]));
            plot.annotate(String.format(Locale.ROOT, "lg(E_k/eV) = %.3f \u00b1 %.3f  (\u03b5 = %s fixed)", p[3] / ln10 + 9,
                    r.error(3) / ln10, s.smoothness()));
            plot.marker(org.fluxion.api.artifact.Marker.atX(val[3], "knee"));
        }
        plot.annotate(String.format(Locale.ROOT, "\u03c7\u00b2/ndf = %.1f / %d (full covariance)", r.chi2(), r.ndf()));
        ctx.artifacts().plot("fit", plot.build());
    }

    private static Spectrum subset(Spectrum flux, int[] idx) {
        double[] v = new double[flux.binning().bins()];
        double[][] cov = new double[v.length][v.length];
        double[][] full = flux.covariance();
        for (int j : idx) {
            v[j] = flux.value(j);
            cov[j][j] = full[j][j];
        }
        return Spectrum.of(flux.binning(), v, cov, flux.unit());
    }

    private static String name(SpectralShape s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
