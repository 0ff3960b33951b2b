package org.civis.core.enrollment;

import io.vertx.core.json.JsonObject;
import org.civis.core.crypto.BlindIndex;

/**
 * The keyed digest of a packet's identity, stored with its registration id: it tells a retry of the
 * same packet (answered with the first outcome) from the id reused for other data (refused). Keyed,
 * so the stored digest says nothing about the packet to someone without the key. Shared by single
 * and bulk enrollment, so a packet sent one way is recognised when sent the other.
 */
public final class PacketDigest {
    private static final String DOMAIN = "enrollment-request";

    private final BlindIndex index;

    public PacketDigest(BlindIndex index) {
        this.index = index;
    }

    public byte[] of(JsonObject identity) {
        return index.digest(DOMAIN, CanonicalJson.encode(identity));
    }
}
