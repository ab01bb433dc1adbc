package org.fluxion.synth.internal;

import java.util.SplittableRandom;

/**
 * Derives independent random streams for (seed, sample, block) triples, so that every block of a
 * synthetic file is generated from its own stream whatever the thread that generates it. Stateless
 * and thread-safe.
 */
public final class BlockStreams {
    private BlockStreams() {
    }

    /** The SplitMix64 finaliser (Stafford variant 13): a bijective 64-bit mix. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * @param seed   the user's seed
     * @param sample a fixed tag per sample (file), e.g. 1, 2, 3
     * @param block  0-based block index
     * @return a fresh stream for that block
     */
    public static SplittableRandom stream(long seed, long sample, long block) {
        long s = mix64(seed + 0x9e3779b97f4a7c15L);
        s = mix64(s ^ (sample * 0xd1b54a32d192ed03L));
        s = mix64(s ^ (block * 0x8cb92ba72f3d8dd7L + 0x632be59bd9b4e019L));
        return new SplittableRandom(s);
    }
}
