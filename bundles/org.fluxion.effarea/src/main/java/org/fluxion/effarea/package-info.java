/**
 * Effective areas of the stopping-muon analysis (PHYSICS.md §1, the shared flux convention): from
 * untriggered (L0) simulation and the selected level-2 simulation, per bin of a true quantity
 * (propagation length in m of ice, or surface energy in GeV),
 * A_eff,i = A_gen · Σ_{selected, x in bin i} w / Σ_{L0, x in bin i, θ in band i} w,
 * with the zenith band of each bin given by a {@link org.fluxion.effarea.ZenithBands} rule and the
 * statistical error from a deterministic, parallel bootstrap.
 *
 * <p>Entry point: {@link org.fluxion.effarea.EffectiveAreaEstimator}. Used by the
 * {@code effective_area} step of this bundle and by the systematics step (per-sector areas).
 */
package org.fluxion.effarea;
