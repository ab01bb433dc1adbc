package org.fluxion.recocheck.internal;

/**
 * Mutual information of one observable with one target, the {@code mi_scores} output's element.
 *
 * @param observable  proxy column
 * @param target      MC truth column
 * @param nats        KSG estimate clipped at 0, nats
 * @param rawNats     unclipped KSG estimate, nats (slightly negative for independent variables)
 * @param correlation information coefficient of correlation sqrt(1 − exp(−2 I)), in [0, 1]: |ρ| for a
 *                    bivariate Gaussian
 * @param events      MC events used
 */
public record MiScore(String observable, String target, double nats, double rawNats, double correlation, int events) {
}
