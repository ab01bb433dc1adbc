package org.fluxion.masterclass.internal;

import java.util.Locale;

/** Formats a value with its uncertainty to two significant digits of the uncertainty. Stateless. */
final class Uncertainty {
    private Uncertainty() {
    }

    /** @return e.g. "0.84312 ± 0.00011"; plain 4 significant digits if the error is 0 or not finite */
    static String format(double value, double error) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (!(error > 0) || !Double.isFinite(error)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(error)));
        decimals = Math.min(decimals, 12);
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", value, error);
    }
}
