package com.storefront.display.simulator.catalogue;

import java.util.SplittableRandom;

/** Deterministic randomness per (seed, purpose, id, change): the whole catalogue is a function of these. */
final class SeededHash {

    private SeededHash() {
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, long purpose, long id, long change) {
        return mix(mix(mix(seed ^ purpose * 0x9e3779b97f4a7c15L) + id) + change * 0xd1b54a32d192ed03L);
    }

    static SplittableRandom random(long seed, long purpose, long id, long change) {
        return new SplittableRandom(of(seed, purpose, id, change));
    }

    /** A uniform double in (0, 1]. */
    static double unit(long hash) {
        return ((hash >>> 11) + 1) * 0x1.0p-53;
    }
}
