package org.fluxion.fits.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.fits.FitResult;
import org.osgi.service.component.annotations.Component;

/**
 * Step {@code muon_fits}: the range fit (a, b and a normalisation or index from the unfolded
 * propagation-length flux, flux.md's band- and bin-averaged model, full covariance, profile-χ²
 * contours) and the energy fit (Φ0 (E/E0)^-γ, bin-averaged, full covariance) with the theory
 * table's curves. Writes {@link FitResult}s, CSV/JSON tables and PNG/PDF plots
 * ({@link MuonFitsSettings}). Stateless, thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + MuonFitsStepProvider.ID,
        StepProvider.STEP_TITLE + "=Range and energy fits" })
public final class MuonFitsStepProvider implements StepProvider<MuonFitsSettings> {
    /** The stable step id. */
    public static final String ID = "muon_fits";
    /** Input: the unfolded propagation-length flux, m⁻² s⁻¹ sr⁻¹ m⁻¹. */
    public static final String RANGE_FLUX = "range_flux";
    /** Input: the propagation-length effective area (zenith band per bin). */
    public static final String RANGE_AREA = "range_effective_area";
    /** Input: the unfolded surface-energy flux, m⁻² s⁻¹ sr⁻¹ GeV⁻¹. */
    public static final String ENERGY_FLUX = "energy_flux";
    /** Input: the surface-energy effective area (zenith band per bin). */
    public static final String ENERGY_AREA = "energy_effective_area";
    /** Output: the range fit. */
    public static final String RANGE_FIT = "range_fit";
    /** Output: the energy fit. */
    public static final String ENERGY_FIT = "energy_fit";

    private static final StepDescriptor<MuonFitsSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Range and energy fits",
            "Fits the energy-loss parameters a, b to the unfolded propagation-length flux (band- and bin-averaged "
                    + "model, full covariance, (a, b) contours) and a power law to the unfolded surface-energy flux, "
                    + "with the theory table's curves and ratio panels.",
            List.of(Port.optional(RANGE_FLUX, Spectrum.class, "unfolded flux per propagation-length bin (m of ice), "
                    + "m-2 s-1 sr-1 m-1, with covariance"),
                    Port.optional(RANGE_AREA, EffectiveArea.class, "effective area of the range bins (their zenith bands)"),
                    Port.optional(ENERGY_FLUX, Spectrum.class, "unfolded flux per surface-energy bin (GeV), "
                            + "m-2 s-1 sr-1 GeV-1, with covariance"),
                    Port.optional(ENERGY_AREA, EffectiveArea.class, "effective area of the energy bins (their zenith band)")),
            List.of(new Port(RANGE_FIT, FitResult.class, "a [GeV/mwe], b [1/mwe] and the normalisation (theory) or "
                    + "index (power law) with covariance and chi2/ndf", true),
                    new Port(ENERGY_FIT, FitResult.class, "phi0 at E0 and the spectral index with covariance and chi2/ndf",
                            true)),
            MuonFitsSettings.class);

    @Override
    public StepDescriptor<MuonFitsSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(MuonFitsSettings settings) {
        return ctx -> run(ctx, settings);
    }

    private static void run(StepContext ctx, MuonFitsSettings s) throws IOException, InputException {
        // configure: check ports and settings before reading anything
        if (!s.rangeFit() && !s.energyFit()) {
            ctx.warn("range_fit and energy_fit are both false: nothing to fit");
            return;
        }
        require(ctx, s.rangeFit(), "range_fit", RANGE_FLUX, RANGE_AREA);
        require(ctx, s.energyFit(), "energy_fit", ENERGY_FLUX, ENERGY_AREA);
        RangeModel rangeModel = s.resolvedRangeModel();
        if (s.rangeFit() && rangeModel == RangeModel.POWER_LAW && Double.isNaN(s.phi0()) && !s.energyFit()) {
            throw new InvalidSettingsException("phi0", "range_model power_law needs a fixed normalisation: Phi0 and a "
                    + "are degenerate for a power law (only Phi0 a^(1-gamma) enters the range flux). Set phi0, or "
                    + "energy_fit: true to take the energy fit's, or give mceq_path for range_model theory");
        }
        TheoryTable table = null;
        if (!s.mceqPath().isBlank()) {
            Path file = ctx.inputFile(s.mceqPath());
            try {
                table = TheoryTable.read(file);
            } catch (IllegalArgumentException e) {
                throw new InputException(file, 0, "mceq_path: " + e.getMessage(), e);
            }
            if (!table.columns().contains(s.theoryColumn())) {
                throw new InvalidSettingsException("theory_column", "'" + s.theoryColumn() + "' is not a column of "
                        + file + "; columns: " + table.columns());
            }
        }
        FitResult energy = null;
        double normalisation = s.fixNormalisation(), normalisationError = 0;
        if (s.energyFit()) {
            EnergyFitRun er = new EnergyFitRun(ctx, s, table);
            energy = er.run(ctx.input(ENERGY_FLUX, Spectrum.class), ctx.input(ENERGY_AREA, EffectiveArea.class));
            ctx.output(ENERGY_FIT, energy);
            if (Double.isNaN(normalisation) && s.normalisationFromEnergyFit() && rangeModel == RangeModel.THEORY
                    && !Double.isNaN(er.theoryNormalisation())) {
                normalisation = er.theoryNormalisation(); // summary 'theory_normalisation' holds it with its error
                normalisationError = er.theoryNormalisationError();
            }
        }
        if (s.rangeFit()) {
            double phi0 = s.phi0();
            if (rangeModel == RangeModel.POWER_LAW && Double.isNaN(phi0)) {
                phi0 = energy.value("phi0");
            }
            FitResult range = new RangeFitRun(ctx, s, table, rangeModel, phi0, normalisation, normalisationError).run(ctx.input(RANGE_FLUX, Spectrum.class),
                    ctx.input(RANGE_AREA, EffectiveArea.class));
            ctx.output(RANGE_FIT, range);
        }
    }

    private static void require(StepContext ctx, boolean flag, String key, String flux, String area) {
        if (!flag) {
            return;
        }
        for (String port : List.of(flux, area)) {
            if (!ctx.hasInput(port)) {
                throw new InvalidSettingsException(key, key + " is true but input '" + port + "' is not connected; connect "
                        + "'" + flux + "' (the unfolded flux) and '" + area + "' (its effective area)");
            }
        }
    }

    /**
     * The bins that enter a fit: finite positive value and variance. Checks that the flux and the
     * effective area have the same binning.
     *
     * @return bin indices in ascending order
     */
    static int[] usableBins(Spectrum flux, EffectiveArea area, String fluxPort, String areaPort) {
        Binning b = flux.binning();
        if (!Arrays.equals(b.edges(), area.binning().edges())) {
            throw new IllegalArgumentException("input '" + fluxPort + "' has bin edges " + Arrays.toString(b.edges())
                    + " but '" + areaPort + "' has " + Arrays.toString(area.binning().edges()) + "; they must be equal");
        }
        double[][] cov = flux.covariance();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < b.bins(); j++) {
            double v = flux.value(j);
            if (v > 0 && Double.isFinite(v) && cov[j][j] > 0 && Double.isFinite(cov[j][j])) {
                idx.add(j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the sub-vector of the values in bins idx */
    static double[] values(Spectrum flux, int[] idx) {
        double[] y = new double[idx.length];
        for (int a = 0; a < idx.length; a++) {
            y[a] = flux.value(idx[a]);
        }
        return y;
    }

    /** @return the sub-matrix of the covariance in bins idx */
    static double[][] covariance(Spectrum flux, int[] idx) {
        double[][] full = flux.covariance(), c = new double[idx.length][idx.length];
        for (int a = 0; a < idx.length; a++) {
            for (int q = 0; q < idx.length; q++) {
                c[a][q] = full[idx[a]][idx[q]];
            }
        }
        return c;
    }

    /** @return a summary map of a fit's parameters, errors and χ² */
    static Map<String, Object> summary(FitResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        for (int k = 0; k < r.names().size(); k++) {
            String n = r.names().get(k);
            m.put(n, r.values()[k]);
            m.put(n + "_error", r.error(n));
            m.put(n + "_unit", r.units().get(k));
        }
        List<String> names = r.names();
        for (int i = 0; i < names.size(); i++) {
            for (int k = i + 1; k < names.size(); k++) {
                m.put("correlation_" + names.get(i) + "_" + names.get(k), r.correlation(names.get(i), names.get(k)));
            }
        }
        m.put("chi2", r.chi2());
        m.put("ndf", r.ndf());
        m.put("chi2_per_ndf", r.ndf() > 0 ? r.chi2() / r.ndf() : Double.NaN);
        m.put("converged", r.converged());
        return m;
    }

    /** Writes the parameter and covariance tables of a fit. */
    static void tables(StepContext ctx, String prefix, FitResult r) {
        var t = org.fluxion.api.artifact.TableArtifact.builder().column("parameter", "").column("value", "")
                .column("error", "").column("unit", "");
        for (int k = 0; k < r.names().size(); k++) {
            t.row(r.names().get(k), r.values()[k], r.error(r.names().get(k)), r.units().get(k));
        }
        ctx.artifacts().table(prefix + "_parameters", t.build());
        var c = org.fluxion.api.artifact.TableArtifact.builder().column("parameter", "");
        for (int k = 0; k < r.names().size(); k++) {
            c.column(r.names().get(k), "");
        }
        double[][] cov = r.covariance();
        for (int k = 0; k < r.names().size(); k++) {
            Object[] row = new Object[r.names().size() + 1];
            row[0] = r.names().get(k);
            for (int q = 0; q < r.names().size(); q++) {
                row[q + 1] = cov[k][q];
            }
            c.row(row);
        }
        ctx.artifacts().table(prefix + "_covariance", c.build());
    }
}
