/**
 * The {@code llh} unfolder (Poisson likelihood with Tikhonov regularisation, MAP and MCMC):
 * {@link org.fluxion.unfolding.llh.LlhSettings} (the bound configuration),
 * {@link org.fluxion.unfolding.llh.LikelihoodUnfolder} (the unfolder, also usable directly with
 * systematics) and {@link org.fluxion.unfolding.llh.SystematicVariation} (varied MC samples of one
 * systematic, until the unfolder SPI carries them).
 */
package org.fluxion.unfolding.llh;
