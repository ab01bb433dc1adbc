/**
 * Seeded synthetic data generators. {@link org.fluxion.synth.KascadeSamples} writes the KASCADE /
 * KCDC masterclass samples (synthetic, not KASCADE's data). Deterministic for a given seed,
 * whatever the thread count.
 */
package org.fluxion.synth;
