package org.civis.auth.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EntryMacTest {
    private final EntryMac mac = new EntryMac(new SecretKeySpec(new byte[32], "HmacSHA256"));
    private final EntryMac otherKey = new EntryMac(new SecretKeySpec(new byte[] {1, 2, 3, 4}, "HmacSHA256"));

    @Test
    void aTagMatchesOnlyTheSameMapKeyAndFields() {
        byte[] tag = mac.of("sessions", "digest-1").add("uin-1").add(42L).tag();

        assertThat(mac.of("sessions", "digest-1").add("uin-1").add(42L).matches(tag))
                .isTrue();
        assertThat(mac.of("sessions", "digest-2").add("uin-1").add(42L).matches(tag))
                .isFalse();
        assertThat(mac.of("otps", "digest-1").add("uin-1").add(42L).matches(tag))
                .isFalse();
        assertThat(mac.of("sessions", "digest-1").add("uin-2").add(42L).matches(tag))
                .isFalse();
        assertThat(mac.of("sessions", "digest-1").add("uin-1").add(43L).matches(tag))
                .isFalse();
        assertThat(otherKey.of("sessions", "digest-1").add("uin-1").add(42L).matches(tag))
                .isFalse();
        assertThat(mac.of("sessions", "digest-1").add("uin-1").add(42L).matches(null))
                .isFalse();
    }

    @Test
    void fieldsAreLengthPrefixedSoTheirBoundariesCannotMove() {
        byte[] tag = mac.of("m", "k").add("ab").add("c").tag();

        assertThat(mac.of("m", "k").add("a").add("bc").matches(tag)).isFalse();
        assertThat(mac.of("m", "ka").add("b").add("c").matches(tag)).isFalse();
    }
}
