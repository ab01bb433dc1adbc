package org.fluxion.masterclass.internal;

/**
 * Running sum of weights, weighted mean and weighted sum of squared deviations (West's 1979
 * update, stable for millions of values). The result depends only on the order of {@link #add}
 * calls. Mutable and not thread-safe.
 */
final class WeightedMoments {
    private long count;
    private double sumW;
    private double sumW2;
    private double mean;
    private double squares;

    /** Adds value {@code x} with weight {@code w} (> 0; values that are not finite are ignored). */
    void add(double x, double w) {
        if (!Double.isFinite(x) || !(w > 0)) {
            return;
        }
        count++;
        sumW += w;
        sumW2 += w * w;
        double delta = x - mean;
        mean += delta * (w / sumW);
        squares += w * delta * (x - mean);
    }

    /** @return number of values added */
    long count() {
        return count;
    }

    /** @return sum of weights */
    double sumW() {
        return sumW;
    }

    /** @return effective number of events (ΣW)² / ΣW², 0 if empty */
    double effectiveCount() {
        return sumW2 > 0 ? sumW * sumW / sumW2 : 0;
    }

    /** @return weighted mean, NaN if empty */
    double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** @return weighted variance with divisor ΣW (the maximum-likelihood estimate), NaN if empty */
    double variance() {
        return count == 0 ? Double.NaN : Math.max(squares, 0) / sumW;
    }
}
