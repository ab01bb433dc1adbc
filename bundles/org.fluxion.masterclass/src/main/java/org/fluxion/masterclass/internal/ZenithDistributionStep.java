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
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One use of {@code zenith_distribution}: per sample the plot {@code zenith_<sample>} and the table
 * {@code zenith_<sample>_bins}, and a
 * summary {@code zenith}. The expectation in bin [θ1, θ2) is N·(sin²θ2 − sin²θ1)/(sin²θmax − sin²θmin),
 * N the events in [θmin, θmax): the shape of an isotropic flux through a horizontal plane.
 */
final class ZenithDistributionStep implements Step {
    private final ZenithDistributionSettings settings;

    ZenithDistributionStep(ZenithDistributionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @return per bin of {@code b} (degrees) the expected fraction of an isotropic flux on a flat detector
     *         within [b.low, b.high)
     */
    static double[] expectedFractions(Binning b) {
        double lo = sin2(b.low()), hi = sin2(b.high());
        double[] f = new double[b.bins()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (sin2(b.edge(i + 1)) - sin2(b.edge(i))) / (hi - lo);
        }
        return f;
    }

    private static double sin2(double deg) {
        double s = Math.sin(Math.toRadians(deg));
        return s * s;
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(KcdcUnitsStepProvider.SAMPLES, SampleSet.class);
        List<ShowerSample> samples = new ArrayList<>();
        for (String name : settings.samples()) {
            samples.add(ShowerSample.read(in, name, "samples", settings.columns(), "columns",
                    EnumSet.of(ShowerQuantity.ZENITH)));
        }
        Binning b = settings.binning();
        double[] fractions = expectedFractions(b);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (ShowerSample s : samples) {
            context.progress().checkCancelled();
            Histogram h = Histogram.builder(b).fill(s.values(ShowerQuantity.ZENITH), s.rows()).build();
            double n = h.integral();
            double[] expected = new double[b.bins()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = n * fractions[i];
            }
            Histogram expectation = Histogram.of(b, expected, new double[b.bins()]);
            List<Point> ratio = new ArrayList<>();
            TableArtifact.Builder t = TableArtifact.builder().column("zenith_low", "deg").column("zenith_high", "deg")
                    .column("events", "").column("error", "").column("expected", "").column("ratio", "")
                    .column("ratio_error", "");
            double chi2 = 0;
            int used = 0;
            for (int i = 0; i < b.bins(); i++) {
                double r = expected[i] > 0 ? h.sumW(i) / expected[i] : Double.NaN;
                double re = expected[i] > 0 ? h.error(i) / expected[i] : Double.NaN;
                t.row(b.edge(i), b.edge(i + 1), h.sumW(i), h.error(i), expected[i], r, re);
                if (expected[i] > 0 && h.sumW(i) > 0) {
                    ratio.add(new Point(b.centre(i), r, b.width(i) / 2, re, re));
                }
                if (expected[i] >= 5) {
                    double d = h.sumW(i) - expected[i];
                    chi2 += d * d / expected[i];
                    used++;
                }
            }
            String stem = fileStem(s.name());
            PlotSpec.Builder p = PlotSpec.builder("Zenith angle: " + s.name(),
                    new Axis("Zenith angle θ", "deg", false, b.low(), b.high()),
                    settings.logY() ? Axis.log("Events per bin", "") : Axis.linear("Events per bin", ""));
            p.add(HistogramSeries.points(s.name(), h));
            p.add(HistogramSeries.step("expected ∝ sinθ cosθ", expectation));
            p.ratio(new RatioPanel(Axis.linear("Data / expected", ""), List.of(new PointSeries("", ratio)), 1.0));
            p.annotate("N = " + (long) n + " (expected: scaled to N)");
            p.annotate(String.format(Locale.ROOT, "χ²/ndf = %.0f / %d", chi2, used - 1));
            p.annotate("inclined showers cross more air:");
            p.annotate("fewer pass the size selection");
            context.artifacts().plot("zenith_" + stem, p.build());
            context.artifacts().table("zenith_" + stem + "_bins", t.build());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", s.column(ShowerQuantity.ZENITH));
            m.put("events_in_range", n);
            m.put("underflow", h.underflow());
            m.put("overflow", h.overflow());
            m.put("chi2", chi2);
            m.put("ndf", used - 1);
            summary.put(s.name(), m);
        }
        context.artifacts().summary("zenith", summary);
    }

    /** @return {@code text} with every character outside [A-Za-z0-9_.-] replaced by '_' */
    static String fileStem(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.isEmpty() ? "_" : sb.toString();
    }
}
