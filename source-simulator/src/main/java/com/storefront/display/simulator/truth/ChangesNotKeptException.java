package com.storefront.display.simulator.truth;

/** An incremental export asked for changes older than the source keeps: the caller must bulk-load instead. */
public final class ChangesNotKeptException extends RuntimeException {

    public ChangesNotKeptException(String message) {
        super(message);
    }
}
