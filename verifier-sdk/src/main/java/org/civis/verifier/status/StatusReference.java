package org.civis.verifier.status;

import java.util.Objects;

/** Where a credential's status lives: index {@code idx} of the list published at {@code uri}. */
public record StatusReference(long index, String uri) {
    public StatusReference {
        Objects.requireNonNull(uri, "uri");
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
    }
}
