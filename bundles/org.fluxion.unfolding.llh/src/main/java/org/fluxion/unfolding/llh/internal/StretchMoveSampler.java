package org.fluxion.unfolding.llh.internal;

import java.util.SplittableRandom;

import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Affine-invariant ensemble sampler with the stretch move of Goodman &amp; Weare (2010), a = 2, in
 * the parallel form of emcee: the ensemble is split into two halves; each half is updated against
 * the fixed positions of the other half, its walkers evaluated on the threads of a
 * {@link WalkerTeam}. Each walker draws from its own random stream (partner, stretch, acceptance),
 * so the chain is bit-identical for any number of threads. Proposals are fresh arrays per thread
 * that the density only reads; an accepted proposal is copied into the walker. Stateless.
 */
final class StretchMoveSampler {
    /** The stretch scale a. */
    static final double A = 2.0;

    private StretchMoveSampler() {
    }

    /**
     * The kept part of a run.
     *
     * @param samples    positions [(step × walkers + walker) × dim + k] of the kept steps
     * @param walkers    number of walkers
     * @param steps      number of kept steps
     * @param dimension  parameters per walker
     * @param acceptance fraction of accepted proposals in the kept steps
     */
    record Chain(double[] samples, int walkers, int steps, int dimension, double acceptance) {
        /** @return parameter k of walker w at kept step t */
        double at(int t, int w, int k) {
            return samples[(t * walkers + w) * dimension + k];
        }

        /**
         * @return the chain by parameter: [k][w × steps + t] (each walker's trace contiguous), in one
         *         pass over the samples
         */
        double[][] byParameter() {
            double[][] out = new double[dimension][walkers * steps];
            for (int w = 0; w < walkers; w++) {
                for (int t = 0; t < steps; t++) {
                    int src = (t * walkers + w) * dimension, dst = w * steps + t;
                    for (int k = 0; k < dimension; k++) {
                        out[k][dst] = samples[src + k];
                    }
                }
            }
            return out;
        }
    }

    /**
     * Runs the sampler.
     *
     * @param target  the log density
     * @param start   starting positions [walker][k], all with finite density (not modified)
     * @param streams one random stream per walker (advanced)
     * @param burn    discarded steps
     * @param used    kept steps
     * @param team    the threads
     * @param progress progress (one unit per step) and cancellation
     */
    static <W> Chain run(LogDensity<W> target, double[][] start, SplittableRandom[] streams, int burn, int used,
            WalkerTeam team, ProgressMonitor progress) {
        int nw = start.length, d = start[0].length;
        if (nw < 2 || streams.length != nw) {
            throw new IllegalArgumentException("need >= 2 walkers and one stream each, got " + nw + " walkers and "
                    + streams.length + " streams");
        }
        double[] pos = new double[nw * d];
        double[] logp = new double[nw];
        int chunks = team.size();
        @SuppressWarnings("unchecked")
        W[] ws = (W[]) new Object[chunks];
        double[][] proposal = new double[chunks][d];
        for (int c = 0; c < chunks; c++) {
            ws[c] = target.workspace();
        }
        for (int w = 0; w < nw; w++) {
            System.arraycopy(start[w], 0, pos, w * d, d);
            logp[w] = target.logDensity(start[w], ws[0]);
            if (!(logp[w] > Double.NEGATIVE_INFINITY) || Double.isNaN(logp[w])) {
                throw new IllegalArgumentException("walker " + w + " starts outside the support (log density "
                        + logp[w] + ")");
            }
        }
        int half = nw / 2;
        long[] accepted = new long[nw];
        double[] samples = new double[(long) used * nw * d > Integer.MAX_VALUE - 8 ? fail(used, nw, d)
                : used * nw * d];
        boolean[] counting = { false };
        progress.begin("MCMC: " + nw + " walkers x " + (burn + used) + " steps", burn + used);
        for (int step = 0; step < burn + used; step++) {
            counting[0] = step >= burn;
            for (int h = 0; h < 2; h++) {
                int lo = h == 0 ? 0 : half, hi = h == 0 ? half : nw;
                int oLo = h == 0 ? half : 0, oSize = h == 0 ? nw - half : half;
                int count = hi - lo;
                team.run(chunk -> {
                    int cLo = lo + (int) ((long) count * chunk / chunks);
                    int cHi = lo + (int) ((long) count * (chunk + 1) / chunks);
                    double[] y = proposal[chunk];
                    W wsp = ws[chunk];
                    for (int k = cLo; k < cHi; k++) {
                        SplittableRandom rng = streams[k];
                        int j = oLo + rng.nextInt(oSize);
                        double u = rng.nextDouble();
                        double z = (A - 1) * u + 1;
                        z = z * z / A;
                        int xk = k * d, xj = j * d;
                        for (int q = 0; q < d; q++) {
                            y[q] = pos[xj + q] + z * (pos[xk + q] - pos[xj + q]);
                        }
                        double ly = target.logDensity(y, wsp);
                        double logR = (d - 1) * Math.log(z) + ly - logp[k];
                        double v = rng.nextDouble();
                        if (ly > Double.NEGATIVE_INFINITY && Math.log(v) < logR) {
                            System.arraycopy(y, 0, pos, xk, d);
                            logp[k] = ly;
                            if (counting[0]) {
                                accepted[k]++;
                            }
                        }
                    }
                });
            }
            if (step >= burn) {
                System.arraycopy(pos, 0, samples, (step - burn) * nw * d, nw * d);
            }
            if ((step & 31) == 31) {
                progress.worked(32);
                progress.checkCancelled();
            }
        }
        long acc = 0;
        for (long a : accepted) {
            acc += a;
        }
        return new Chain(samples, nw, used, d, acc / ((double) nw * used));
    }

    private static int fail(int used, int nw, int d) {
        throw new IllegalArgumentException("chain too large: " + used + " steps x " + nw + " walkers x " + d
                + " parameters exceeds 2^31 values; reduce n_used_steps or n_walkers");
    }
}
