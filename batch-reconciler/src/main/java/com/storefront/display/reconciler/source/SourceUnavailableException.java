package com.storefront.display.reconciler.source;

/**
 * A source API call failed after its attempts, or was refused because the circuit is open. The step
 * that made it fails; restarting the job resumes where it stopped.
 */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
