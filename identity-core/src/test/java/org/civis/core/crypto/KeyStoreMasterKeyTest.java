package org.civis.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyStoreMasterKeyTest {

    private static final byte[] DATA_KEY = new byte[32];

    static {
        for (int i = 0; i < DATA_KEY.length; i++) {
            DATA_KEY[i] = (byte) (i * 7 + 3);
        }
    }

    private final SecretKey kek = EnvelopeCipherTest.newAesKey();
    private final KeyStoreMasterKey masterKey = new KeyStoreMasterKey("civis-master-kek-1", kek);

    @Test
    void unwrapReturnsWhatWasWrapped() {
        byte[] wrapped = masterKey.wrap(DATA_KEY);

        assertThat(wrapped).hasSize(12 + 32 + 16);
        assertThat(masterKey.unwrap(wrapped)).isEqualTo(DATA_KEY);
    }

    @Test
    void wrappingTwiceUsesDifferentNonces() {
        byte[] first = masterKey.wrap(DATA_KEY);
        byte[] second = masterKey.wrap(DATA_KEY);

        assertThat(Arrays.copyOf(second, 12)).isNotEqualTo(Arrays.copyOf(first, 12));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void unwrappingWithAnotherKeyThrowsWithoutKeyMaterialInTheMessage() {
        byte[] wrapped = masterKey.wrap(DATA_KEY);
        KeyStoreMasterKey other = new KeyStoreMasterKey("civis-master-kek-1", EnvelopeCipherTest.newAesKey());

        assertThatThrownBy(() -> other.unwrap(wrapped))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessage(
                        "master key 'civis-master-kek-1' could not unwrap the data key: wrong key or altered bytes");
    }

    @Test
    void theSameKeyUnderAnotherIdCannotUnwrapBecauseTheIdIsAuthenticated() {
        byte[] wrapped = masterKey.wrap(DATA_KEY);
        KeyStoreMasterKey renamed = new KeyStoreMasterKey("civis-master-kek-2", kek);

        assertThatThrownBy(() -> renamed.unwrap(wrapped)).isInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void tamperedOrTruncatedWrappedKeyIsRejected() {
        byte[] wrapped = masterKey.wrap(DATA_KEY);
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 0x01;

        assertThatThrownBy(() -> masterKey.unwrap(tampered)).isInstanceOf(KeyUnwrapException.class);
        assertThatThrownBy(() -> masterKey.unwrap(new byte[27]))
                .isInstanceOf(KeyUnwrapException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void rejectsKeysThatAreNotAes() {
        SecretKey hmacKey = new SecretKeySpec(new byte[32], "HmacSHA256");

        assertThatThrownBy(() -> new KeyStoreMasterKey("civis-master-kek-1", hmacKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AES");
    }

    @Test
    void neverReadsTheKeyBytesSoANonExtractableTokenKeyWorks() {
        KeyStoreMasterKey tokenLike = new KeyStoreMasterKey("kek", new NonExtractableAesKey(kek));

        assertThat(tokenLike.unwrap(tokenLike.wrap(DATA_KEY))).isEqualTo(DATA_KEY);
    }

    /**
     * Stands in for a PKCS#11 token key: SunJCE needs the bytes to run AES, so they are available to the
     * provider, but the test fails if anything outside the JDK asks for them.
     */
    private static final class NonExtractableAesKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final transient SecretKey delegate;

        NonExtractableAesKey(SecretKey delegate) {
            this.delegate = delegate;
        }

        @Override
        public String getAlgorithm() {
            return "AES";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            // Element 0 is this method; element 1 is whoever asked. The JDK's cipher may ask, Civis code may not.
            StackTraceElement caller = new Throwable().getStackTrace()[1];
            if (caller.getClassName().startsWith("org.civis.")) {
                throw new AssertionError("Civis code read the master key's bytes in " + caller);
            }
            return delegate.getEncoded();
        }
    }
}
