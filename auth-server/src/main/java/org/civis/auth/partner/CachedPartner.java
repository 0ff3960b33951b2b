package org.civis.auth.partner;

import org.civis.auth.cluster.Authenticated;
import org.civis.auth.cluster.Revisioned;

/**
 * A partner as the cluster cache holds it: its revision, its full JSON form, and a tag over both
 * and the partner's id under a key outside the cluster ({@link org.civis.auth.cluster.EntryMac}).
 */
record CachedPartner(long revision, String json, byte[] tag) implements Revisioned, Authenticated {}
