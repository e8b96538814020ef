package com.storefront.display.localstack;

/** The stack could not be started, reached or stopped; the message says why and what the server logged. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
