package org.fluxion.unfolding.api.numerics;

/**
 * ln Γ(x) for x > 0: Stirling's series with 10 Bernoulli terms for x >= 7, shifted by the
 * recurrence Γ(x+1) = x Γ(x) below; absolute error below 1e-14 for x >= 1. Stateless.
 */
public final class LogGamma {
    private static final double[] B = { 1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360,
            1.0 / 156, -3617.0 / 122400, 43867.0 / 244188, -174611.0 / 125400 };
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

    private LogGamma() {
    }

    /** @return ln Γ(x), x > 0 (NaN otherwise) */
    public static double of(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double shift = 0;
        double y = x;
        while (y < 7) {
            shift += Math.log(y);
            y += 1;
        }
        double r = 1 / (y * y);
        double s = B[9];
        for (int k = 8; k >= 0; k--) {
            s = s * r + B[k];
        }
        return s / y + HALF_LN_2PI + (y - 0.5) * Math.log(y) - y - shift;
    }
}
