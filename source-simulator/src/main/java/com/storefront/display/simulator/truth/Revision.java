package com.storefront.display.simulator.truth;

/**
 * Where one entity stands: how many changes it has had, the version of the last one, and whether it
 * exists after it. Only entities that changed since start have a stored revision.
 */
record Revision(int changes, long version, boolean exists) {

    Revision next(long version, boolean exists) {
        return new Revision(changes + 1, version, exists);
    }
}
