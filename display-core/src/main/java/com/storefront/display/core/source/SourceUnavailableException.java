package com.storefront.display.core.source;

/**
 * A source API did not answer usefully: an error status, a timeout, an unreadable body, or a call
 * refused because the circuit is open. A later attempt may succeed: ingest defers the event to the
 * failure store, a batch step fails and resumes where it stopped when the job is restarted.
 */
public class SourceUnavailableException extends RuntimeException {

    private final boolean circuitOpen;

    public SourceUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SourceUnavailableException(String message, Throwable cause, boolean circuitOpen) {
        super(message, cause);
        this.circuitOpen = circuitOpen;
    }

    /** The call was not made: the circuit is open. */
    public static SourceUnavailableException circuitOpen(String circuit, String call) {
        return new SourceUnavailableException("circuit '" + circuit + "' is open (" + call + ")", null, true);
    }

    /** True when the call was refused by an open circuit, so trying again at once is pointless. */
    public boolean circuitOpen() {
        return circuitOpen;
    }
}
