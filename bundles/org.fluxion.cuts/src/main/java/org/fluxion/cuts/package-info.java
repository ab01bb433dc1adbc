/**
 * Analysis cuts: the cut syntax of the {@code cuts} setting ({@link org.fluxion.cuts.CutSet},
 * {@link org.fluxion.cuts.Cut}), reusable by other steps (e.g. the systematics step's sectors).
 */
package org.fluxion.cuts;
