package org.civis.auth.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.SecretKeySpec;
import org.civis.auth.keys.TestKeys;
import org.junit.jupiter.api.Test;

class CacheSealTest {

    private static final byte[] PERSON =
            "{\"name\":\"Amara Okafor\",\"dob\":\"1990-01-15\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SLOT = "kyc:txn-1".getBytes(StandardCharsets.UTF_8);

    private final CacheSeal seal = new CacheSeal(TestKeys.SERVER.cacheKey());

    @Test
    void roundTripsAndHidesThePlaintext() throws Exception {
        byte[] sealed = seal.seal(PERSON, SLOT);

        assertThat(sealed).hasSize(12 + PERSON.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Amara");
        assertThat(seal.open(sealed, SLOT)).isEqualTo(PERSON);
        assertThat(new CacheSeal(TestKeys.SERVER.cacheKey()).open(sealed, SLOT)).isEqualTo(PERSON);
    }

    @Test
    void sealingTheSameDataTwiceGivesDifferentBytes() {
        assertThat(seal.seal(PERSON, SLOT)).isNotEqualTo(seal.seal(PERSON, SLOT));
    }

    @Test
    void anyChangedByteIsDetected() {
        byte[] sealed = seal.seal(PERSON, SLOT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> seal.open(tampered, SLOT))
                    .as("byte %d", i)
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void anEntryMovedToAnotherSlotOrTruncatedOrUnderAnotherKeyIsRefused() throws Exception {
        byte[] sealed = seal.seal(PERSON, SLOT);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);

        assertThatThrownBy(() -> seal.open(sealed, "kyc:txn-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> seal.open(Arrays.copyOf(sealed, sealed.length - 1), SLOT))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> seal.open(Arrays.copyOf(sealed, 20), SLOT)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> new CacheSeal(aes.generateKey()).open(sealed, SLOT))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheSeal(new SecretKeySpec(new byte[16], "AES")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CacheSeal(new SecretKeySpec(new byte[32], "HmacSHA256")));
    }
}
