package org.fluxion.unfolding.ibu.internal;

/**
 * Shape of the prior of the first D'Agostini iteration (config key {@code prior}). The prior is
 * normalised to the number of observed events, so only its shape matters.
 */
public enum PriorShape {
    /** The same probability for every true bin. */
    UNIFORM,
    /** Jeffreys' prior p_μ ∝ 1/C_μ, with C_μ the centre of true bin μ (needs positive centres). */
    JEFFREYS,
    /** One value per true bin from {@code prior_values}. */
    USER
}
