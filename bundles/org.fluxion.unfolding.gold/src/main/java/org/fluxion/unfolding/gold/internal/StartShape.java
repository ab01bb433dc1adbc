package org.fluxion.unfolding.gold.internal;

/** Positive start of the Gold iteration (config key {@code start}). */
public enum StartShape {
    /** x⁰_j = Σ_i y_i / Σ_j ε_j for every true bin: flat, with the observed total when refolded. */
    FLAT,
    /** x⁰_j = (Rᵀy)_j / ε_j: the data folded back through the response (zero where no data reach bin j). */
    BACK_PROJECTION
}
