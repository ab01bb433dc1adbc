package org.fluxion.recocheck.internal;

/**
 * Central 68.27 % confidence interval of a Poisson mean from an observed count (Garwood 1936): the
 * lower limit is the 15.87 % quantile of Gamma(n, 1) (0 for n = 0), the upper limit the 84.13 %
 * quantile of Gamma(n + 1, 1); n = 0 → [0, 1.841], n = 1 → [0.173, 3.300], n = 10 → [6.891, 14.267].
 * Stateless and thread-safe.
 */
final class PoissonInterval {
    /** One-sided tail probability Φ(−1). */
    static final double TAIL = 0.15865525393145707;

    private PoissonInterval() {
    }

    /** @return {lower, upper} limits of the mean for count n >= 0 */
    static double[] garwood(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a Poisson count must be >= 0 but was " + n);
        }
        double lo = n == 0 ? 0 : gammaQuantile(n, TAIL);
        double hi = gammaQuantile(n + 1, 1 - TAIL);
        return new double[] { lo, hi };
    }

    /** @return x with P(a, x) = p, by bisection (P the regularised lower incomplete gamma function) */
    static double gammaQuantile(double a, double p) {
        double lo = 0, hi = a + 10 * Math.sqrt(a) + 10;
        while (regularisedGammaP(a, hi) < p) {
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-12 * Math.max(1, hi); it++) {
            double mid = 0.5 * (lo + hi);
            if (regularisedGammaP(a, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Regularised lower incomplete gamma P(a, x): series for x < a + 1, else continued fraction (Lentz). */
    static double regularisedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefactor = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a, sum = term;
            for (int n = 1; n < 100_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return Math.min(1, sum * Math.exp(logPrefactor));
        }
        double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.max(0, 1 - Math.exp(logPrefactor) * h);
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7 };
        double z = x - 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
