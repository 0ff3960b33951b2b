package org.civis.auth.resident;

import java.io.Serializable;

/**
 * A session as the cluster keeps it under its token's digest: whose it is, until when, and a tag
 * ({@link org.civis.auth.cluster.EntryMac}) over both and the digest, without which it is not one.
 */
record ResidentSession(String uin, long expiresAtMillis, byte[] tag) implements Serializable {}
