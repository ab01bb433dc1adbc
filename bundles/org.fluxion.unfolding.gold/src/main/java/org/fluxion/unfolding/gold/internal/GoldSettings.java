package org.fluxion.unfolding.gold.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code gold} unfolder, bound from the configuration (keys in snake_case).
 * Immutable; validated on construction ({@link InvalidSettingsException} naming the key).
 *
 * @param maxIterations iteration limit (the number of iterations when tolerance is 0)
 * @param tolerance     stop at the first iteration whose largest relative change is below this
 * @param start         positive start
 * @param errors        covariance method
 * @param toys          number of Poisson toys (errors: toys)
 */
public record GoldSettings(
        @Setting(description = "iteration limit; with tolerance 0 exactly this many iterations are done",
                defaultValue = "1000", min = 1, max = 10000000) int maxIterations,
        @Setting(description = "stop at the first iteration whose largest relative change max_j |x'_j - x_j| / x_j "
                + "is below this; 0 disables the test", defaultValue = "1e-4", min = 0) double tolerance,
        @Setting(description = "positive start: flat (observed total spread evenly) or back_projection "
                + "((R^T y)_j / eps_j)", defaultValue = "flat") StartShape start,
        @Setting(description = "covariance: linearisation (propagated Jacobian of the iteration map) or toys "
                + "(Poisson toys of the observed counts, seeded per toy)", defaultValue = "linearisation")
        ErrorMethod errors,
        @Setting(description = "number of Poisson toys for errors: toys", defaultValue = "500", min = 10,
                max = 1000000) int toys) {

    /** Checks every key. */
    public GoldSettings {
        if (maxIterations < 1 || maxIterations > 10_000_000) {
            throw new InvalidSettingsException("max_iterations",
                    "'max_iterations' must be in [1, 10000000] but was " + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new InvalidSettingsException("tolerance", "'tolerance' must be finite and >= 0 but was " + tolerance);
        }
        if (start == null) {
            throw new InvalidSettingsException("start", "'start' must be flat or back_projection but was null");
        }
        if (errors == null) {
            throw new InvalidSettingsException("errors", "'errors' must be linearisation or toys but was null");
        }
        if (toys < 10 || toys > 1_000_000) {
            throw new InvalidSettingsException("toys", "'toys' must be in [10, 1000000] but was " + toys);
        }
    }

    /** @return the documented defaults */
    public static GoldSettings defaults() {
        return new GoldSettings(1000, 1e-4, StartShape.FLAT, ErrorMethod.LINEARISATION, 500);
    }
}
