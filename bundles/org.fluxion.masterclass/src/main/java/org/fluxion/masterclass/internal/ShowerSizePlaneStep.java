package org.fluxion.masterclass.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One use of {@code shower_size_plane}. Writes the plots {@code ne_nmu_data} (data colour map with
 * the outlined regions of the {@code contours} primaries) and {@code ne_nmu_primaries} (the regions
 * of every simulated primary), the table {@code ne_nmu_regions} and the summary
 * {@code ne_nmu_summary}: per primary the simulated events and the fraction of the data inside its
 * 90 % region. Single-threaded.
 */
final class ShowerSizePlaneStep implements Step {
    /** Fraction of a primary's weight inside its outline, as drawn by the plot service. */
    static final double CONTAINMENT = 0.9;
    private final ShowerSizePlaneSettings settings;

    ShowerSizePlaneStep(ShowerSizePlaneSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(KcdcUnitsStepProvider.SAMPLES, SampleSet.class);
        ShowerSample data = ShowerSample.read(in, settings.data(), "data", settings.dataColumns(), "data_columns",
                EnumSet.of(ShowerQuantity.LG_NE, ShowerQuantity.LG_NMU));
        ShowerSample sim = ShowerSample.read(in, settings.simulation(), "simulation", settings.simulationColumns(),
                "simulation_columns", EnumSet.allOf(ShowerQuantity.class));
        List<MassGroup> present = sim.presentGroups();
        for (MassGroup g : settings.contourGroups()) {
            if (!present.contains(g)) {
                throw new IllegalArgumentException("'contours' asks for " + g.symbol() + " but sample '" + sim.name()
                        + "' (column '" + sim.column(ShowerQuantity.PRIMARY) + "') has only " + symbols(present));
            }
        }
        Binning bx = settings.xBinning(), by = settings.yBinning();
        context.progress().begin("filling the electron-muon plane", data.rows() + sim.rows());
        Histogram2D dataPlane = Histogram2D.builder(bx, by)
                .fill(data.values(ShowerQuantity.LG_NE), data.values(ShowerQuantity.LG_NMU), data.rows()).build();
        context.progress().worked(data.rows());
        context.progress().checkCancelled();
        SpectrumWeights weighting = new SpectrumWeights(settings.generatedIndex(), settings.weightToIndex());
        Histogram2D.Builder[] perGroup = new Histogram2D.Builder[MassGroup.values().length];
        for (MassGroup g : present) {
            perGroup[g.ordinal()] = Histogram2D.builder(bx, by);
        }
        double[] ne = sim.values(ShowerQuantity.LG_NE), nmu = sim.values(ShowerQuantity.LG_NMU);
        double[] lgE = sim.values(ShowerQuantity.LG_E);
        int[] groups = sim.groups();
        for (int i = 0; i < sim.rows(); i++) {
            perGroup[groups[i]].fill(ne[i], nmu[i], weighting.weight(lgE[i]));
        }
        context.progress().worked(sim.rows());
        Map<MassGroup, Histogram2D> planes = new LinkedHashMap<>();
        for (MassGroup g : present) {
            planes.put(g, perGroup[g.ordinal()].build());
        }

        Axis x = new Axis("Electron number", "lg(Ne)", false, bx.low(), bx.high());
        Axis y = new Axis("Muon number", "lg(Nμ)", false, by.low(), by.high());
        PlotSpec.Builder onData = PlotSpec.builder("Electron-muon plane: " + data.name() + " with simulated primaries",
                x, y).colour(Axis.log("Events per cell", "")).add(new Map2DSeries(data.name(), dataPlane, false));
        for (MassGroup g : settings.contourGroups()) {
            onData.add(new Map2DSeries(g.symbol() + " (simulation, 90 % of events)", planes.get(g), true));
        }
        onData.annotate("data events in the plot: " + (long) dataPlane.integral() + " of " + data.rows());
        onData.annotate("lines: regions holding 90 % of the simulated events");
        onData.annotate(weighting.describe());
        context.artifacts().plot("ne_nmu_data", onData.build());

        PlotSpec.Builder all = PlotSpec.builder("Electron-muon plane: regions of the simulated primaries", x, y);
        for (Map.Entry<MassGroup, Histogram2D> e : planes.entrySet()) {
            all.add(new Map2DSeries(e.getKey().symbol(), e.getValue(), true));
        }
        all.annotate("lines: regions holding 90 % of each primary's events");
        all.annotate("light primaries: more electrons; heavy primaries: more muons");
        all.annotate(weighting.describe());
        context.artifacts().plot("ne_nmu_primaries", all.build());

        TableArtifact.Builder t = TableArtifact.builder().column("primary", "").column("simulated_events", "")
                .column("data_fraction_in_region", "");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("data", data.name());
        summary.put("data_events_in_plot", dataPlane.integral());
        Map<String, Object> regions = new LinkedHashMap<>();
        for (Map.Entry<MassGroup, Histogram2D> e : planes.entrySet()) {
            double f = HighDensityRegion.of(e.getValue(), CONTAINMENT).containedFraction(dataPlane);
            t.row(e.getKey().symbol(), e.getValue().entries(), f);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("simulated_events", e.getValue().entries());
            m.put("data_fraction_in_region", f);
            regions.put(e.getKey().symbol(), m);
        }
        summary.put("regions", regions);
        summary.put("weighting", weighting.describe());
        context.artifacts().table("ne_nmu_regions", t.build());
        context.artifacts().summary("ne_nmu_summary", summary);
    }

    private static String symbols(List<MassGroup> groups) {
        StringBuilder sb = new StringBuilder();
        for (MassGroup g : groups) {
            sb.append(sb.isEmpty() ? "" : ", ").append(g.symbol());
        }
        return sb.isEmpty() ? "no primaries" : sb.toString();
    }
}
