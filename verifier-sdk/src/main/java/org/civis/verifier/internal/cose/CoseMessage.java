package org.civis.verifier.internal.cose;

/** The two COSE message types a credential may come in. */
public sealed interface CoseMessage permits CoseMessage.Sign1, CoseMessage.Encrypt0 {

    CoseHeaders headers();

    /** COSE_Sign1: one signer, payload attached. */
    record Sign1(CoseHeaders headers, byte[] payload, byte[] signature) implements CoseMessage {}

    /** COSE_Encrypt0: a key known to both sides, ciphertext with its 16-byte GCM tag. */
    record Encrypt0(CoseHeaders headers, byte[] ciphertext) implements CoseMessage {}
}
