package org.civis.verifier.cli;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civis.verifier.VerificationResult;
import org.civis.verifier.claims.CwtClaims;
import org.civis.verifier.status.CredentialStatus;

/**
 * {@code {"id", "verdict", "error": {code, stage, message} | null, "alg", "kid", "cwt", "claims",
 * "raw_claims", "status"}}. Every member is always present (null when unknown), so scripts can
 * index without checking.
 */
final class JsonReport {
    private JsonReport() {}

    static Map<String, Object> toMap(Object id, VerificationResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("verdict", result.verdict().name());
        json.put(
                "error",
                result.error()
                        .map(e -> {
                            Map<String, Object> error = new LinkedHashMap<>();
                            error.put("code", e.code().name());
                            error.put("stage", e.stage().name());
                            error.put("message", e.message());
                            return (Object) error;
                        })
                        .orElse(null));
        json.put("alg", result.algorithm().map(a -> a.joseName()).orElse(null));
        json.put("kid", result.kid().map(k -> k.hex()).orElse(null));
        json.put("cwt", result.cwt().map(JsonReport::cwt).orElse(null));
        json.put("claims", result.claims().map(c -> (Object) c.toJson()).orElse(null));
        json.put(
                "raw_claims",
                result.cwt()
                        .map(c -> (Object) new LinkedHashMap<>(c.rawClaims()))
                        .orElse(null));
        json.put(
                "status",
                result.status() == CredentialStatus.NOT_REFERENCED
                        ? null
                        : result.status().name());
        return json;
    }

    /** One line of JSON, no line breaks inside. */
    static String toLine(Object id, VerificationResult result) {
        return JSONObjectUtils.toJSONString(toMap(id, result));
    }

    private static Object cwt(CwtClaims claims) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iss", claims.issuer().orElse(null));
        json.put("sub", claims.subject().orElse(null));
        json.put("iat", seconds(claims.issuedAt()));
        json.put("nbf", seconds(claims.notBefore()));
        json.put("exp", seconds(claims.expiresAt()));
        return json;
    }

    private static Object seconds(Optional<Instant> instant) {
        if (instant.isEmpty()) {
            return null;
        }
        Instant value = instant.get();
        return value.getNano() == 0 ? (Object) value.getEpochSecond() : (Object) (value.toEpochMilli() / 1000.0);
    }
}
