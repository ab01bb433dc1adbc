package org.fluxion.unfolding.api;

import java.util.SplittableRandom;

import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Resources of one unfolding: a seed for random numbers (MCMC, toys), the number of threads,
 * progress and cancellation. Results must depend on the seed only, never on the thread count.
 *
 * @param seed        64-bit seed; derive independent streams with {@link #random(long)}
 * @param parallelism threads the unfolder may use, >= 1
 * @param progress    progress and cancellation, not null
 */
public record UnfoldingContext(long seed, int parallelism, ProgressMonitor progress) {
    public UnfoldingContext {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1 but was " + parallelism);
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null (use ProgressMonitor.NONE)");
        }
    }

    /** @return a single-threaded context with this seed */
    public static UnfoldingContext of(long seed) {
        return new UnfoldingContext(seed, 1, ProgressMonitor.NONE);
    }

    /**
     * @param stream stream number (e.g. walker index)
     * @return an independent generator for that stream, the same for the same (seed, stream)
     */
    public SplittableRandom random(long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
