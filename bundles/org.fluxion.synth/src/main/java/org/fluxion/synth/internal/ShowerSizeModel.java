package org.fluxion.synth.internal;

import java.util.random.RandomGenerator;

/**
 * The synthetic KASCADE shower-size parametrisation (PHYSICS.md §6): mean lg Ne and lg Nμ as
 * functions of x = lg(E/GeV) − 6, ln A and s1 = secθ − 1, with correlated Gaussian smearing
 * (correlation 0.3). Stateless and thread-safe.
 */
public final class ShowerSizeModel {
    /** Correlation of the lg Ne and lg Nμ fluctuations. */
    public static final double CORRELATION = 0.3;
    private static final double SQRT_1_MINUS_RHO2 = Math.sqrt(1 - CORRELATION * CORRELATION);

    private ShowerSizeModel() {
    }

    /** @return mean lg Ne for x = lg(E/GeV) − 6, ln A and s1 = secθ − 1 */
    public static double meanLgNe(double x, double lnA, double s1) {
        return 4.84 + 1.22 * x - 0.130 * lnA - 2.54 * s1;
    }

    /** @return mean lg Nμ for x = lg(E/GeV) − 6, ln A and s1 = secθ − 1 */
    public static double meanLgNmu(double x, double lnA, double s1) {
        return 4.09 + 0.91 * x + 0.055 * lnA - 0.67 * s1;
    }

    /** @return the Gaussian width of lg Ne for ln A */
    public static double sigmaLgNe(double lnA) {
        return Math.hypot(0.22 - 0.035 * lnA, 0.05);
    }

    /** @return the Gaussian width of lg Nμ for ln A */
    public static double sigmaLgNmu(double lnA) {
        return Math.hypot(0.10 - 0.012 * lnA, 0.07);
    }

    /**
     * Draws observed sizes.
     *
     * @param out receives {lg Ne, lg Nμ} in elements 0 and 1
     */
    public static void draw(double x, double lnA, double s1, RandomGenerator rng, double[] out) {
        double z1 = rng.nextGaussian();
        double z2 = CORRELATION * z1 + SQRT_1_MINUS_RHO2 * rng.nextGaussian();
        out[0] = meanLgNe(x, lnA, s1) + sigmaLgNe(lnA) * z1;
        out[1] = meanLgNmu(x, lnA, s1) + sigmaLgNmu(lnA) * z2;
    }

    /**
     * The KCDC energy estimator lg(E/eV) = 10.83 + 0.347 lgNe + 0.609 lgNμ + 1.29 (secθ − 1).
     */
    public static double kcdcEnergyEstimator(double lgNe, double lgNmu, double secTheta) {
        return 10.83 + 0.347 * lgNe + 0.609 * lgNmu + 1.29 * (secTheta - 1);
    }
}
