package com.storefront.display.reconciler.launch;

/** An operator's job request that cannot be carried out, and why; {@link #kind()} says how to answer it. */
public class JobRequestException extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** Unknown job or invalid parameters: the request is wrong. */
        INVALID,
        /** No such execution. */
        NOT_FOUND,
        /** The execution is not in a state that allows it (running, complete, not running). */
        CONFLICT
    }

    private final Kind kind;

    public JobRequestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
