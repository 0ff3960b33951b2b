package org.civis.auth.request;

import io.vertx.core.json.JsonObject;

/**
 * What {@link FactorDecryptor} made of encrypted factors: the JSON object, or why it could not be
 * opened. A value, since a malformed or foreign JWE is a client's mistake, not a server failure;
 * the refusal never carries plaintext.
 */
public sealed interface FactorDecryption {

    /** The factors, decrypted and read as a JSON object of acceptable text. */
    record Opened(JsonObject factors) implements FactorDecryption {
        // The factors are personal data; keep them out of logs.
        @Override
        public String toString() {
            return "Opened";
        }
    }

    /** The factors could not be opened, for a stable reason. */
    record Refused(Reason reason) implements FactorDecryption {}

    /** Why decryption was refused. */
    enum Reason {
        /** Not a compact JWE, unreadable header, or plaintext that is not a JSON object. */
        MALFORMED,
        /** Anything but alg ECDH-ES with enc A256GCM, or a crit or zip header. */
        ALGORITHM_NOT_ALLOWED,
        /** Encrypted to another key, or altered in transit. */
        DECRYPTION_FAILED
    }
}
