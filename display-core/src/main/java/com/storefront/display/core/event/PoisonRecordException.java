package com.storefront.display.core.event;

/**
 * A record that no retry can make readable: not JSON, a required field missing or invalid, an unknown
 * type or schema version. It belongs in the dead-letter topic and the failure store, with
 * {@link #getMessage()} as the reason.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
