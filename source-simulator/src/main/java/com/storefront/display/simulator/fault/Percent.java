package com.storefront.display.simulator.fault;

/** Percent knobs are 0..100. */
final class Percent {

    private Percent() {
    }

    static void require(double percent, String name) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(name + " must be 0..100, was " + percent);
        }
    }
}
