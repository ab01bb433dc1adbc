package org.fluxion.unfolding.api;

/**
 * One configured unfolding method. Implementations are immutable and may be used for several
 * problems, also concurrently.
 */
public interface Unfolder {
    /**
     * Unfolds the observed distribution.
     *
     * @throws UnfoldingException if the problem cannot be unfolded with this method (e.g. a
     *                            singular response where the method needs it invertible), with
     *                            the offending bins named
     */
    UnfoldingResult unfold(UnfoldingProblem problem, UnfoldingContext context) throws UnfoldingException;

    /**
     * Unfolds for a range of regularisation strengths (τ for likelihood methods, the iteration
     * number for iterative ones) and evaluates the choice criteria.
     *
     * @param min   smallest parameter value (> 0)
     * @param max   largest parameter value (> min)
     * @param steps number of points (>= 2; log-spaced for continuous parameters, rounded and
     *              de-duplicated for integer ones)
     * @throws UnfoldingException as for {@link #unfold}
     */
    RegularisationScan scan(UnfoldingProblem problem, UnfoldingContext context, double min, double max, int steps)
            throws UnfoldingException;
}
