/**
 * Systematic uncertainties of the stopping-muon fluxes from splitting the detector into sectors:
 * {@link org.fluxion.systematics.SystematicBand}, the relative systematic uncertainty per true bin
 * published by the {@code systematics} step (port {@code band}).
 */
package org.fluxion.systematics;
