package org.civis.auth.keys;

import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@link PartnerKeys} made of a JWK a partner registers: the accepted public key, or the reason it was refused.
 * A refused key is an expected answer, so it is a value (like Nimbus's {@code JWSVerifier} answering {@code false}),
 * never an exception. A refusal's detail never repeats the submitted JSON, which could hold a private key the
 * partner pasted by mistake.
 */
public sealed interface PartnerKeyCheck {

    /** Why a key was refused. */
    enum Reason {
        /** Not a JSON object, or not a parseable JWK of its declared type. */
        KEY_MALFORMED,
        /** Key type or curve not accepted for this purpose. */
        KEY_TYPE_NOT_ALLOWED,
        /** An RSA modulus under 2048 bits. */
        KEY_TOO_SMALL,
        /** The JWK carries private or symmetric key material; the partner must send the public key only. */
        KEY_HAS_PRIVATE_PART,
        /** The JWK declares a {@code use} other than the one it is registered for. */
        KEY_USE_NOT_ALLOWED
    }

    /** The accepted key, or what {@code refusal} makes of the refusal, thrown. */
    <X extends RuntimeException> JWK orElseThrow(Function<Refused, X> refusal);

    /** The key is acceptable: public only, of an allowed type, with a kid. */
    record Accepted(JWK key) implements PartnerKeyCheck {
        public Accepted {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public <X extends RuntimeException> JWK orElseThrow(Function<Refused, X> refusal) {
            return key;
        }
    }

    /** The key was refused; {@code reason} is the stable code, {@code detail} a fixed sentence for people. */
    record Refused(Reason reason, String detail) implements PartnerKeyCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public <X extends RuntimeException> JWK orElseThrow(Function<Refused, X> refusal) {
            throw refusal.apply(this);
        }
    }
}
