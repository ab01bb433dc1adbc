package org.fluxion.spectrum.internal;

/**
 * What the values of an unfolded true binning are, and how they convert to the energy in GeV used
 * for fluxes: {@code LG_EV} lg(E/eV) (the KCDC convention, E_GeV = 10^(x − 9)), {@code LG_GEV}
 * lg(E/GeV), {@code EV} and {@code GEV} the energy itself.
 */
public enum EnergyScale {
    /** lg(E/eV). */
    LG_EV,
    /** lg(E/GeV). */
    LG_GEV,
    /** E in eV. */
    EV,
    /** E in GeV. */
    GEV;

    /** @return the energy in GeV for a binning value */
    public double toGeV(double x) {
        return switch (this) {
            case LG_EV -> Math.pow(10, x - 9);
            case LG_GEV -> Math.pow(10, x);
            case EV -> x * 1e-9;
            case GEV -> x;
        };
    }

    /** @return whether the binning values are logarithms */
    public boolean logarithmic() {
        return this == LG_EV || this == LG_GEV;
    }
}
