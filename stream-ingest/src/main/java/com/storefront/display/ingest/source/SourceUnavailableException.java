package com.storefront.display.ingest.source;

/** The source API did not answer usefully (error, timeout, open circuit): a later attempt may succeed. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
