package com.storefront.display.api.product;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque paging cursor: the last product id a page returned, so the next page starts after it
 * (keyset paging). Products added or removed meanwhile shift nothing: every product still displayable
 * is returned exactly once, in order. The encoding (a format byte and the id, base64url) is not part of
 * the contract; the format byte lets a later encoding refuse cursors of an older one clearly.
 */
public record ProductCursor(long afterProductId) {

    private static final byte FORMAT = 1;
    private static final int LENGTH = 1 + Long.BYTES;

    public ProductCursor {
        if (afterProductId <= 0) {
            throw new IllegalArgumentException("a cursor points after a positive product id, not " + afterProductId);
        }
    }

    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(FORMAT).putLong(afterProductId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor a client sent back; empty when it is not one this API issued. */
    public static Optional<ProductCursor> decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != LENGTH || bytes[0] != FORMAT) {
            return Optional.empty();
        }
        long after = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
        return after > 0 ? Optional.of(new ProductCursor(after)) : Optional.empty();
    }
}
