package org.fluxion.synth.internal;

import java.util.SplittableRandom;

/**
 * Beta(α, β) variates as X/(X + Y) of two Gamma variates (Marsaglia–Tsang squeeze method, shapes
 * &gt;= 1). Immutable and thread-safe; randomness comes from the caller's stream.
 *
 * @param alpha first shape, &gt;= 1
 * @param beta  second shape, &gt;= 1
 */
public record BetaVariate(double alpha, double beta) {
    public BetaVariate {
        if (!(alpha >= 1) || !(beta >= 1)) {
            throw new IllegalArgumentException("shapes must be >= 1 but were " + alpha + ", " + beta);
        }
    }

    /** @return a variate in [0, 1] */
    public double sample(SplittableRandom rng) {
        double x = gamma(rng, alpha), y = gamma(rng, beta);
        return x / (x + y);
    }

    /** Gamma(shape, 1) for shape &gt;= 1 (Marsaglia &amp; Tsang 2000). */
    static double gamma(SplittableRandom rng, double shape) {
        double d = shape - 1.0 / 3.0, c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian(), v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
