package org.civis.issuer;

import com.upokecenter.cbor.CBORObject;
import java.util.Objects;
import org.civis.verifier.spec.TokenStatus;

/**
 * Where a credential's status lives: entry {@code index} of the Status List Token at {@code uri}.
 * In the CWT as claim 65535 {@code {"status_list": {"idx": index, "uri": uri}}}.
 */
public record StatusListEntry(String uri, int index) {

    public StatusListEntry {
        Objects.requireNonNull(uri, "uri");
        if (index < 0) {
            throw new IllegalArgumentException("a status list index is not negative");
        }
    }

    CBORObject toCbor() {
        return CBORObject.NewMap()
                .Add(
                        TokenStatus.STATUS_LIST,
                        CBORObject.NewMap().Add(TokenStatus.IDX, index).Add(TokenStatus.URI, uri));
    }
}
