package org.fluxion.recocheck.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * One truth-versus-reconstruction comparison of the {@code plot_correlations} check. Immutable.
 *
 * @param truth     MC truth column
 * @param reco      reconstruction column
 * @param label     quantity name for the axes (e.g. "Propagation length")
 * @param unit      unit of the plotted values after {@code transform} ("" if none)
 * @param log       logarithmic axes and bins (then bias and resolution are relative: reco/truth − 1)
 * @param transform how the columns are turned into the plotted quantity
 */
public record CorrelationPair(
        @Setting(description = "MC truth column") String truth,
        @Setting(description = "reconstruction column") String reco,
        @Setting(description = "quantity name for the axes; empty = the reco column name", defaultValue = "''")
        String label,
        @Setting(description = "unit of the plotted values (after the transform)", defaultValue = "''") String unit,
        @Setting(description = "logarithmic axes and bins; bias and resolution then relative (reco/truth - 1)",
                defaultValue = "false") boolean log,
        @Setting(description = "none; degrees (both columns rad -> deg); log10_truth (truth -> log10(truth), for "
                + "reconstructions that are already log10 values)", defaultValue = "none") Transform transform) {

    /** How the columns become the plotted quantity. */
    public enum Transform {
        /** As stored. */
        NONE,
        /** Both columns from radians to degrees. */
        DEGREES,
        /** The truth to log10(truth) (non-positive values are left out); the reconstruction as stored. */
        LOG10_TRUTH
    }

    public CorrelationPair {
        truth = truth == null ? "" : truth.strip();
        reco = reco == null ? "" : reco.strip();
        if (truth.isEmpty() || reco.isEmpty()) {
            throw new InvalidSettingsException("correlations", "each entry of 'correlations' needs 'truth' and 'reco' "
                    + "columns but got truth='" + truth + "', reco='" + reco + "'");
        }
        label = label == null || label.isBlank() ? reco : label.strip();
        unit = unit == null ? "" : unit.strip();
        transform = transform == null ? Transform.NONE : transform;
        if (log && transform == Transform.LOG10_TRUTH) {
            throw new InvalidSettingsException("correlations", "correlation " + truth + " vs " + reco
                    + ": 'log: true' with 'transform: log10_truth' would take the logarithm twice");
        }
    }

    /** @return the plotted truth value of a stored one (NaN if it cannot be transformed) */
    double truthValue(double v) {
        return switch (transform) {
            case NONE -> v;
            case DEGREES -> Math.toDegrees(v);
            case LOG10_TRUTH -> v > 0 ? Math.log10(v) : Double.NaN;
        };
    }

    /** @return the plotted reconstructed value of a stored one */
    double recoValue(double v) {
        return transform == Transform.DEGREES ? Math.toDegrees(v) : v;
    }

    /** @return a file-name stem for this pair */
    String stem() {
        return reco.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
