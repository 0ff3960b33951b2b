package org.civis.verifier.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trusted keys and decryption keys, and the kid rule: a key with a kid is a candidate only for
 * messages carrying that kid; a key without one is a candidate for every message.
 */
public final class KeyRing {
    private final List<TrustedKey> signingKeys;
    private final List<DecryptionKey> decryptionKeys;

    public KeyRing(List<TrustedKey> signingKeys, List<DecryptionKey> decryptionKeys) {
        this.signingKeys = List.copyOf(signingKeys);
        this.decryptionKeys = List.copyOf(decryptionKeys);
    }

    public static KeyRing empty() {
        return new KeyRing(List.of(), List.of());
    }

    public List<TrustedKey> signingKeys() {
        return signingKeys;
    }

    public List<DecryptionKey> decryptionKeys() {
        return decryptionKeys;
    }

    /** Keys with this kid first, then kid-less keys. */
    public List<TrustedKey> candidates(Optional<Kid> kid) {
        List<TrustedKey> result = new ArrayList<>();
        kid.ifPresent(k -> signingKeys.stream()
                .filter(key -> key.kid().equals(Optional.of(k)))
                .forEach(result::add));
        signingKeys.stream().filter(key -> key.kid().isEmpty()).forEach(result::add);
        return result;
    }

    public List<DecryptionKey> decryptionCandidates(Optional<Kid> kid) {
        List<DecryptionKey> result = new ArrayList<>();
        kid.ifPresent(k -> decryptionKeys.stream()
                .filter(key -> key.kid().equals(Optional.of(k)))
                .forEach(result::add));
        decryptionKeys.stream().filter(key -> key.kid().isEmpty()).forEach(result::add);
        return result;
    }
}
