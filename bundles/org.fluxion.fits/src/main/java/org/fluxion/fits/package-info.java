/**
 * Results of the stopping-muon fits (step {@code muon_fits}): {@link org.fluxion.fits.FitResult}, the
 * parameters of the range fit (a, b and the flux normalisation) or of the energy fit (Φ0, γ) with
 * their covariance and χ²/ndf.
 */
package org.fluxion.fits;
