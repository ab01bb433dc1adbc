package org.fluxion.masterclass.internal;

/**
 * The KCDC energy estimator lg(E/eV) = a + b·lgNe + c·lgNμ + d·(secθ − 1) (PHYSICS.md §5; KCDC:
 * a = 10.83, b = 0.347, c = 0.609, d = 1.29). Immutable and thread-safe.
 *
 * @param intercept          a, lg(E/eV)
 * @param electronCoefficient b
 * @param muonCoefficient     c
 * @param zenithCoefficient   d
 */
record KcdcEnergyEstimator(double intercept, double electronCoefficient, double muonCoefficient,
        double zenithCoefficient) {

    /** @return lg(E/eV) estimated from lg(Ne), lg(Nμ) and the zenith angle in degrees */
    double lgEnergy(double lgNe, double lgNmu, double zenithDeg) {
        return intercept + electronCoefficient * lgNe + muonCoefficient * lgNmu
                + zenithCoefficient * (1 / Math.cos(Math.toRadians(zenithDeg)) - 1);
    }

    /** @return the relation as text */
    String describe() {
        return String.format(java.util.Locale.ROOT, "lg(E/eV) = %.4g + %.4g lgNe + %.4g lgNμ + %.4g (secθ − 1)",
                intercept, electronCoefficient, muonCoefficient, zenithCoefficient);
    }
}
