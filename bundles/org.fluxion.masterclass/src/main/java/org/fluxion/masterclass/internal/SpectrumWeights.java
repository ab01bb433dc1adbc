package org.fluxion.masterclass.internal;

/**
 * Event weights that turn a simulation generated with an E^-γ_gen spectrum into one following
 * E^-γ_target: w = 10^(−(γ_target − γ_gen)(lg(E/eV) − 15)), i.e. 1 at 1 PeV. Immutable and thread-safe.
 *
 * @param generatedIndex γ_gen of the simulation (KCDC simulations: 2)
 * @param targetIndex    γ_target (2.7 below the knee); equal to γ_gen for unit weights
 */
record SpectrumWeights(double generatedIndex, double targetIndex) {
    /** @return whether every weight is 1 */
    boolean unit() {
        return generatedIndex == targetIndex;
    }

    /** @return the weight of an event with true energy lg(E/eV) = {@code lgE} */
    double weight(double lgE) {
        return unit() ? 1.0 : Math.pow(10, -(targetIndex - generatedIndex) * (lgE - 15));
    }

    /** @return per event the weight, from the true energies */
    double[] weights(double[] lgE) {
        double[] w = new double[lgE.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(lgE[i]);
        }
        return w;
    }

    /** @return a description for plots, e.g. "simulation weighted from E^-2 to E^-2.7" */
    String describe() {
        return unit() ? "simulation unweighted (E^-" + fmt(generatedIndex) + " as generated)"
                : "simulation weighted from E^-" + fmt(generatedIndex) + " to E^-" + fmt(targetIndex);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
