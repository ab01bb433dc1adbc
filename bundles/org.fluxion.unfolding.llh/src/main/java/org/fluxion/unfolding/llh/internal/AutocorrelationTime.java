package org.fluxion.unfolding.llh.internal;

/**
 * Integrated autocorrelation time of an ensemble chain, emcee's estimator (Goodman &amp; Weare 2010,
 * Sokal's automatic window): per parameter, the normalised autocorrelation function of each
 * walker's chain (by FFT) is averaged over walkers, τ(M) = 1 + 2 Σ_{t=1..M} ρ(t), and the window M
 * is the smallest with M >= 5 τ(M). Stateless.
 */
final class AutocorrelationTime {
    /** Window constant c of the automatic window M >= c τ. */
    static final double WINDOW = 5.0;

    private AutocorrelationTime() {
    }

    /**
     * @param chain the kept chain
     * @param team  threads (parameters are distributed over them; results do not depend on it)
     * @return τ per parameter, in steps
     */
    static double[] estimate(StretchMoveSampler.Chain chain, WalkerTeam team) {
        return estimate(chain.byParameter(), chain.walkers(), chain.steps(), team);
    }

    /**
     * @param byParameter the chain as [k][walker × steps + step]
     * @return τ per parameter, in steps
     */
    static double[] estimate(double[][] byParameter, int walkers, int steps, WalkerTeam team) {
        int d = byParameter.length;
        double[] tau = new double[d];
        int chunks = team.size();
        team.run(chunk -> {
            int lo = d * chunk / chunks, hi = d * (chunk + 1) / chunks;
            for (int k = lo; k < hi; k++) {
                tau[k] = ofTraces(byParameter[k], walkers, steps);
            }
        });
        return tau;
    }

    static double ofParameter(StretchMoveSampler.Chain chain, int k) {
        return ofTraces(chain.byParameter()[k], chain.walkers(), chain.steps());
    }

    /** @param traces walker w's trace at [w × t, (w + 1) × t) */
    static double ofTraces(double[] traces, int nw, int t) {
        int size = Integer.highestOneBit(Math.max(1, 2 * t - 1));
        if (size < 2 * t) {
            size <<= 1;
        }
        double[] re = new double[size], im = new double[size];
        // Σ_w ρ_w(t) = IFFT(Σ_w P_w / Σ_f P_w(f)), since the unnormalised inverse transform of P_w at
        // lag 0 is Σ_f P_w(f): one inverse transform per parameter instead of one per walker
        double[] spectrum = new double[size];
        for (int w = 0; w < nw; w += 2) {
            boolean pair = w + 1 < nw;
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            double m1 = 0, m2 = 0;
            for (int s = 0; s < t; s++) {
                m1 += traces[w * t + s];
                if (pair) {
                    m2 += traces[(w + 1) * t + s];
                }
            }
            m1 /= t;
            m2 /= t;
            for (int s = 0; s < t; s++) {
                re[s] = traces[w * t + s] - m1;
                im[s] = pair ? traces[(w + 1) * t + s] - m2 : 0;
            }
            Fourier.transform(re, im, false);
            // separate the two real transforms X1 = (Z_f + conj Z_−f)/2, X2 = (Z_f − conj Z_−f)/2i
            double total1 = 0, total2 = 0;
            for (int f = 0; f < size; f++) {
                int g = (size - f) & (size - 1);
                double ar = re[f], ai = im[f], br = re[g], bi = im[g];
                double x1r = 0.5 * (ar + br), x1i = 0.5 * (ai - bi);
                double x2r = 0.5 * (ai + bi), x2i = -0.5 * (ar - br);
                total1 += x1r * x1r + x1i * x1i;
                total2 += x2r * x2r + x2i * x2i;
            }
            double s1 = total1 > 0 ? 1 / total1 : 0, s2 = pair && total2 > 0 ? 1 / total2 : 0;
            for (int f = 0; f < size; f++) {
                int g = (size - f) & (size - 1);
                double ar = re[f], ai = im[f], br = re[g], bi = im[g];
                double x1r = 0.5 * (ar + br), x1i = 0.5 * (ai - bi);
                double x2r = 0.5 * (ai + bi), x2i = -0.5 * (ar - br);
                spectrum[f] += s1 * (x1r * x1r + x1i * x1i) + s2 * (x2r * x2r + x2i * x2i);
            }
        }
        java.util.Arrays.fill(im, 0);
        System.arraycopy(spectrum, 0, re, 0, size);
        Fourier.transform(re, im, true);
        double[] sum = re;
        double norm = sum[0];
        if (!(norm > 0)) {
            return Double.NaN; // the parameter never moved
        }
        double tau = 1.0;
        for (int m = 1; m < t; m++) {
            tau += 2 * sum[m] / norm;
            if (m >= WINDOW * tau) {
                return tau;
            }
        }
        return tau;
    }
}
