package org.civis.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civis.core.refusal.RefusalCode;
import org.civis.core.refusal.Result;

/**
 * Checks the JWKs partners register, so the verifier and the sealer only ever meet key types we allow: signing keys
 * Ed25519, P-256 or RSA of at least 2048 bits, encryption keys P-256 or RSA of at least 2048 bits, always public only.
 * A key without a kid gets its RFC 7638 thumbprint as kid. RSA signing keys serve only OpenID Connect client
 * assertions (PS256); signed auth requests accept EdDSA and ES256 and never pick an RSA key.
 */
public final class PartnerKeys {

    private static final int MIN_RSA_BITS = 2048;
    private static final int ED25519_KEY_BYTES = 32;
    // Private RSA/EC/OKP members and the symmetric "k": any of them means the partner sent a secret.
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private PartnerKeys() {}

    /** Why a key was refused; the admin API reports the name with PARTNER_KEY_INVALID. */
    public enum Reason implements RefusalCode {
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

    /**
     * A public Ed25519 (OKP), P-256 (EC) or RSA (at least 2048 bits) key for verifying the partner's signed requests and
     * OpenID Connect client assertions, or the
     * refusal with its {@link Reason}. The message never repeats the submitted JSON, which could
     * hold a private key the partner pasted by mistake.
     */
    public static Result<JWK> parseSigningKey(String jwkJson) {
        return parse(
                        jwkJson,
                        Set.of(KeyType.OKP.getValue(), KeyType.EC.getValue(), KeyType.RSA.getValue()),
                        KeyUse.SIGNATURE)
                .flatMap(jwk -> {
                    if (jwk instanceof RSAKey rsa) {
                        if (rsa.size() < MIN_RSA_BITS) {
                            return Result.refused(Reason.KEY_TOO_SMALL, "RSA key must have at least 2048 bits");
                        }
                    } else if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                        if (okp.getDecodedX().length != ED25519_KEY_BYTES) {
                            return Result.refused(Reason.KEY_MALFORMED, "Ed25519 public key must be 32 bytes");
                        }
                    } else if (!(jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))) {
                        return Result.refused(
                                Reason.KEY_TYPE_NOT_ALLOWED, "signing key must be OKP Ed25519, EC P-256 or RSA");
                    }
                    return withKeyId(jwk);
                });
    }

    /** A public P-256 (EC) or RSA (at least 2048 bits) key for sealing e-KYC data to the partner, or the refusal. */
    public static Result<JWK> parseEncryptionKey(String jwkJson) {
        return parse(jwkJson, Set.of(KeyType.EC.getValue(), KeyType.RSA.getValue()), KeyUse.ENCRYPTION)
                .flatMap(jwk -> {
                    if (jwk instanceof RSAKey rsa) {
                        if (rsa.size() < MIN_RSA_BITS) {
                            return Result.refused(Reason.KEY_TOO_SMALL, "RSA key must have at least 2048 bits");
                        }
                    } else if (!(jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))) {
                        return Result.refused(Reason.KEY_TYPE_NOT_ALLOWED, "encryption key must be EC P-256 or RSA");
                    }
                    return withKeyId(jwk);
                });
    }

    private static Result<JWK> parse(String jwkJson, Set<String> allowedTypes, KeyUse use) {
        Objects.requireNonNull(jwkJson, "jwkJson");
        Map<String, Object> members;
        try {
            members = JSONObjectUtils.parse(jwkJson);
        } catch (ParseException | RuntimeException e) {
            return Result.refused(Reason.KEY_MALFORMED, "key is not a JSON object");
        }
        // Before anything else: a pasted private key must be reported as such, whatever else is wrong with it.
        if (PRIVATE_MEMBERS.stream().anyMatch(members::containsKey)) {
            return Result.refused(Reason.KEY_HAS_PRIVATE_PART, "key must not contain private key material");
        }
        if (!(members.get("kty") instanceof String kty)) {
            return Result.refused(Reason.KEY_MALFORMED, "key has no \"kty\" string");
        }
        if (!allowedTypes.contains(kty)) {
            return Result.refused(Reason.KEY_TYPE_NOT_ALLOWED, "key type is not allowed");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(members);
        } catch (ParseException | RuntimeException e) {
            // Nimbus also lands here for an EC point that is not on the curve.
            return Result.refused(Reason.KEY_MALFORMED, "key is not a valid " + kty + " JWK");
        }
        if (jwk.getKeyUse() != null && !use.equals(jwk.getKeyUse())) {
            return Result.refused(Reason.KEY_USE_NOT_ALLOWED, "key must have use \"" + use.identifier() + "\"");
        }
        return Result.accepted(jwk);
    }

    private static Result<JWK> withKeyId(JWK jwk) {
        if (jwk.getKeyID() != null) {
            return Result.accepted(jwk);
        }
        try {
            if (jwk instanceof OctetKeyPair okp) {
                return Result.accepted(
                        new OctetKeyPair.Builder(okp).keyIDFromThumbprint().build());
            }
            if (jwk instanceof ECKey ec) {
                return Result.accepted(
                        new ECKey.Builder(ec).keyIDFromThumbprint().build());
            }
            return Result.accepted(
                    new RSAKey.Builder((RSAKey) jwk).keyIDFromThumbprint().build());
        } catch (JOSEException e) {
            return Result.refused(Reason.KEY_MALFORMED, "key thumbprint could not be computed");
        }
    }
}
