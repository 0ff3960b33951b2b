package org.civis.verifier;

import java.security.KeyPair;
import java.util.Map;

/** Lets tests in other packages build status lists and referencing credentials. */
public final class TestStatusListAccess {
    private TestStatusListAccess() {}

    /** A 1-bit list, issued an hour before the round-trip instant, with {@code revokedIndex} set. */
    public static byte[] token(KeyPair pair, String kid, String uri, int revokedIndex) {
        return TestStatusList.token(
                pair, kid, uri, RoundTripTest.AT.getEpochSecond() - 3600, null, 1, 64, Map.of(revokedIndex, 1));
    }

    public static String credential(KeyPair pair, String kid, String uri, long index) {
        return TestStatusList.credential(pair, kid, uri, index, true);
    }
}
