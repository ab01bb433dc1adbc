/**
 * The unfolder SPI: an unfolding method is an OSGi DS component providing
 * {@link org.fluxion.unfolding.api.UnfolderProvider} with the service property
 * {@code fluxion.unfolder.id} ({@code llh}, {@code ibu}, {@code gold}, ...). Callers build an
 * {@link org.fluxion.unfolding.api.UnfoldingProblem}, create an
 * {@link org.fluxion.unfolding.api.Unfolder} from bound settings and get an
 * {@link org.fluxion.unfolding.api.UnfoldingResult}.
 *
 * <p>Conventions: index i runs over proxy (observed) bins, j over true bins. The response
 * probability A[i][j] = P(observed in i | true in j, selected) has columns summing to 1; the
 * selection efficiency ε_j (optional) is separate. {@code UnfoldingResult.estimate()} counts
 * selected events per true bin (the f of λ = A f + b);
 * {@code acceptanceCorrected()} divides by ε_j.
 */
package org.fluxion.unfolding.api;
