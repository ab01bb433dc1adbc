package org.fluxion.unfolding.api.numerics;


import java.util.SplittableRandom;

/**
 * Poisson variates: multiplication of uniforms for means below 10, Hörmann's transformed
 * rejection with squeeze (PTRS, 1993) above. Exact (no normal approximation); stateless, the
 * generator carries the state.
 */
public final class PoissonSampler {
    private PoissonSampler() {
    }

    /** @return a Poisson variate with this mean (>= 0; 0 for mean <= 0) */
    public static long sample(SplittableRandom rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 10) {
            double limit = Math.exp(-mean), prod = rng.nextDouble();
            long k = 0;
            while (prod > limit) {
                k++;
                prod *= rng.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(mean), loglam = Math.log(mean);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5, v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam
                    - LogGamma.of(k + 1.0)) {
                return k;
            }
        }
    }
}
