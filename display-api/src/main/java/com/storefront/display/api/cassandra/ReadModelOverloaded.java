package com.storefront.display.api.cassandra;

/**
 * A read refused because the instance already waits for {@code display.api.max-in-flight-reads} reads:
 * the request is answered 503 at once instead of queueing behind the others.
 */
public class ReadModelOverloaded extends RuntimeException {

    public ReadModelOverloaded(int limit) {
        super("the read model already has " + limit + " reads in flight on this instance", null, false, false);
    }
}
