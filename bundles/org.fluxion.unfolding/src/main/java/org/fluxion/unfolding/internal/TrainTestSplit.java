package org.fluxion.unfolding.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A seeded, disjoint split of the events of an MC sample into a training part (response) and a
 * test part (pseudo-data): a Fisher–Yates shuffle of the row indices, the first {@code nTrain}
 * train, the next {@code nTest} test, the rest are unused. Shared by the {@code unfold} and
 * {@code unfold_flux} steps. Stateless.
 */
final class TrainTestSplit {
    /** Role of an unused event. */
    static final byte UNUSED = 0;
    /** Role of a training event. */
    static final byte TRAIN = 1;
    /** Role of a test event. */
    static final byte TEST = 2;

    private TrainTestSplit() {
    }

    /**
     * @param rng    the random stream (consumed only when not every event trains)
     * @param n      number of events
     * @param nTrain training events, 0..n
     * @param nTest  test events, 0..n − nTrain
     * @return per event {@link #UNUSED}, {@link #TRAIN} or {@link #TEST}
     * @throws IllegalArgumentException if the counts do not fit into n
     */
    static byte[] roles(RandomGenerator rng, int n, int nTrain, int nTest) {
        if (nTrain < 0 || nTest < 0 || (long) nTrain + nTest > n) {
            throw new IllegalArgumentException("split of " + n + " events into " + nTrain + " training and " + nTest
                    + " test events does not fit");
        }
        byte[] role = new byte[n];
        if (nTrain == n) {
            Arrays.fill(role, TRAIN);
            return role;
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[r];
            order[r] = t;
        }
        for (int k = 0; k < nTrain; k++) {
            role[order[k]] = TRAIN;
        }
        for (int k = nTrain; k < nTrain + nTest; k++) {
            role[order[k]] = TEST;
        }
        return role;
    }
}
