package com.storefront.display.core.write;

import java.util.concurrent.CompletionException;

/** A read-model write failed; the message names the statement, the key and the driver's reason. */
public class DisplayWriteException extends RuntimeException {

    private final transient DisplayWrite write;

    public DisplayWriteException(DisplayWrite write, Throwable cause) {
        super("write to " + write.key() + " failed (" + statement(write) + "): " + cause.getMessage(), cause);
        this.write = write;
    }

    /** The statement text, or the write's kind when even that cannot be had: building this exception must not fail. */
    private static String statement(DisplayWrite write) {
        try {
            return write.cql();
        } catch (RuntimeException e) {
            return write.getClass().getSimpleName();
        }
    }

    public DisplayWrite write() {
        return write;
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
