/**
 * Binned quantities: {@link org.fluxion.api.hist.Binning}, weighted 1-D and 2-D histograms that
 * keep under/overflow and merge by addition, response matrices and spectra with covariance.
 * All types are immutable; the {@code Builder}s are not thread-safe (fill one per thread and merge).
 */
package org.fluxion.api.hist;
