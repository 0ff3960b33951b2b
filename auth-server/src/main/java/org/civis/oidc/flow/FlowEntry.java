package org.civis.oidc.flow;

import org.civis.auth.cluster.Authenticated;

/**
 * One piece of sign-in state as the cluster holds it: its JSON, its expiry, whether it was spent
 * (a used code is kept a while as spent, so its second use is recognised), and an
 * {@link org.civis.auth.cluster.EntryMac} tag over the map, the key, the JSON and the expiry.
 */
record FlowEntry(String json, long expiresAtMillis, boolean spent, byte[] tag) implements Authenticated {
    FlowEntry asSpent() {
        return new FlowEntry(json, expiresAtMillis, true, tag);
    }
}
