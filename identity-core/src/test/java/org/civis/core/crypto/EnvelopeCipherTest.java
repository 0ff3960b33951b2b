package org.civis.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    private static final byte[] ROW_1 = "uin=4821-0093-1177;v=3".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_2 = "uin=4821-0093-1178;v=3".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET_NAME = "Amina Okafor 1990-04-12";

    private final MasterKey masterKey = new KeyStoreMasterKey("civis-master-kek-1", newAesKey());
    private final EnvelopeCipher cipher = new EnvelopeCipher(masterKey);

    @Test
    void sealThenOpenReturnsThePlaintext() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertThat(record.keyId()).isEqualTo("civis-master-kek-1");
        assertThat(record.nonce()).hasSize(12);
        assertThat(record.ciphertext()).hasSize(bytes(SECRET_NAME).length + 16);
        assertThat(new String(cipher.open(record, ROW_1), StandardCharsets.UTF_8))
                .isEqualTo(SECRET_NAME);
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertThat(new String(record.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Amina");
    }

    @Test
    void sealingTheSamePlaintextTwiceGivesDifferentNoncesWrappedKeysAndCiphertexts() {
        SealedRecord first = cipher.seal(bytes(SECRET_NAME), ROW_1);
        SealedRecord second = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.wrappedKey()).isNotEqualTo(first.wrappedKey());
        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
        assertThat(cipher.open(second, ROW_1)).isEqualTo(cipher.open(first, ROW_1));
    }

    @Test
    void emptyPlaintextRoundTrips() {
        SealedRecord record = cipher.seal(new byte[0], ROW_1);

        assertThat(record.ciphertext()).hasSize(16);
        assertThat(cipher.open(record, ROW_1)).isEmpty();
    }

    @Test
    void flippingAnyByteOfTheNonceIsDetected() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertEveryFlipRejected(
                record,
                record.nonce().length,
                i -> new SealedRecord(
                        record.keyId(), record.wrappedKey(), flip(record.nonce(), i), record.ciphertext()));
    }

    @Test
    void flippingAnyByteOfTheCiphertextIsDetected() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertEveryFlipRejected(
                record,
                record.ciphertext().length,
                i -> new SealedRecord(
                        record.keyId(), record.wrappedKey(), record.nonce(), flip(record.ciphertext(), i)));
    }

    @Test
    void flippingAnyByteOfTheWrappedKeyIsDetected() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertEveryFlipRejected(
                record,
                record.wrappedKey().length,
                i -> new SealedRecord(
                        record.keyId(), flip(record.wrappedKey(), i), record.nonce(), record.ciphertext()));
    }

    @Test
    void openingWithAnotherRowsAssociatedDataFails() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertThatThrownBy(() -> cipher.open(record, ROW_2))
                .isInstanceOf(RecordDecryptionException.class)
                .hasMessageContaining("associated data");
    }

    @Test
    void recordFromAMasterKeyWithAnotherIdIsRejected() {
        EnvelopeCipher other = new EnvelopeCipher(new KeyStoreMasterKey("civis-master-kek-2", newAesKey()));
        SealedRecord foreign = other.seal(bytes(SECRET_NAME), ROW_1);

        assertThatThrownBy(() -> cipher.open(foreign, ROW_1))
                .isInstanceOf(RecordDecryptionException.class)
                .hasMessageContaining("civis-master-kek-2");
    }

    @Test
    void recordFromADifferentKeyUnderTheSameIdIsRejected() {
        EnvelopeCipher impostor = new EnvelopeCipher(new KeyStoreMasterKey("civis-master-kek-1", newAesKey()));
        SealedRecord foreign = impostor.seal(bytes(SECRET_NAME), ROW_1);

        assertThatThrownBy(() -> cipher.open(foreign, ROW_1))
                .isInstanceOf(RecordDecryptionException.class)
                .hasCauseInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void failureMessagesNeverContainThePlaintext() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);

        assertThatThrownBy(() -> cipher.open(record, ROW_2))
                .isInstanceOf(RecordDecryptionException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("Amina"));
    }

    @Test
    void plaintextDataKeyIsZeroedAfterSealingAndOpening() {
        AtomicReference<byte[]> keyGivenToWrap = new AtomicReference<>();
        AtomicReference<byte[]> keyReturnedByUnwrap = new AtomicReference<>();
        MasterKey recording = new MasterKey() {
            @Override
            public String id() {
                return masterKey.id();
            }

            @Override
            public byte[] wrap(byte[] dataKey) {
                keyGivenToWrap.set(dataKey);
                return masterKey.wrap(dataKey);
            }

            @Override
            public byte[] unwrap(byte[] wrappedDataKey) {
                byte[] dataKey = masterKey.unwrap(wrappedDataKey);
                keyReturnedByUnwrap.set(dataKey);
                return dataKey;
            }
        };
        EnvelopeCipher recordingCipher = new EnvelopeCipher(recording);

        SealedRecord record = recordingCipher.seal(bytes(SECRET_NAME), ROW_1);
        byte[] opened = recordingCipher.open(record, ROW_1);

        assertThat(opened).isEqualTo(bytes(SECRET_NAME));
        assertThat(keyGivenToWrap.get()).hasSize(32).containsOnly(0);
        assertThat(keyReturnedByUnwrap.get()).hasSize(32).containsOnly(0);
    }

    @Test
    void sealedRecordRejectsMissingOrEmptyParts() {
        byte[] some = {1};

        assertThatThrownBy(() -> new SealedRecord(null, some, some, some)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SealedRecord(" ", some, some, some)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedRecord("k", null, some, some)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SealedRecord("k", some, new byte[0], some))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonce");
        assertThatThrownBy(() -> new SealedRecord("k", some, some, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ciphertext");
    }

    @Test
    void sealedRecordsWithEqualContentAreEqualAndCannotBeAlteredThroughAccessors() {
        SealedRecord record = cipher.seal(bytes(SECRET_NAME), ROW_1);
        SealedRecord copy = new SealedRecord(record.keyId(), record.wrappedKey(), record.nonce(), record.ciphertext());

        record.ciphertext()[0] ^= 1;

        assertThat(copy).isEqualTo(record).hasSameHashCodeAs(record);
        assertThat(cipher.open(record, ROW_1)).isEqualTo(bytes(SECRET_NAME));
    }

    private void assertEveryFlipRejected(SealedRecord original, int length, IntFunction<SealedRecord> flipped) {
        for (int i = 0; i < length; i++) {
            SealedRecord tampered = flipped.apply(i);
            assertThat(tampered).isNotEqualTo(original);
            assertThatThrownBy(() -> cipher.open(tampered, ROW_1))
                    .as("byte %d flipped", i)
                    .isInstanceOf(RecordDecryptionException.class);
        }
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SecretKey newAesKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
