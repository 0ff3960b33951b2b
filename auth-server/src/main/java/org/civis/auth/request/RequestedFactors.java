package org.civis.auth;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.bio.BiometricFactor;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.jose.FactorDecryptionException;
import org.civis.auth.jose.FactorDecryptor;
import org.civis.core.lock.AuthType;

/**
 * The factors of a request: {@code "factors"} is either a JSON object or a compact JWE of one,
 * encrypted to the server's published key (ECDH-ES, A256GCM), with members {@code demographics},
 * {@code nameMatching} ({@code strategy}, {@code threshold}), {@code otp} and {@code biometrics}
 * (see {@link BiometricFactor}).
 */
public record RequestedFactors(
        Optional<JsonObject> demographics,
        MatchStrategy strategy,
        Optional<Double> threshold,
        Optional<String> otp,
        Optional<BiometricFactor> biometrics) {

    public Set<AuthType> authTypes() {
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        demographics.ifPresent(d -> types.add(AuthType.DEMO));
        otp.ifPresent(o -> types.add(AuthType.OTP));
        biometrics.ifPresent(b -> types.add(AuthType.BIO));
        return types;
    }

    /** Reads the factors, decrypting them first if they came encrypted; refuses with AuthRefusal. */
    public static RequestedFactors read(JsonObject payload, FactorDecryptor decryptor) {
        Object raw = payload.getValue("factors");
        JsonObject factors;
        if (raw instanceof JsonObject object) {
            factors = object;
        } else if (raw instanceof String jwe) {
            try {
                factors = decryptor.decrypt(jwe);
            } catch (FactorDecryptionException e) {
                throw new AuthRefusal(AuthError.FACTORS_UNREADABLE, "factors");
            }
        } else {
            throw new AuthRefusal(AuthError.NO_FACTORS, "factors");
        }
        if (!Set.of("demographics", "nameMatching", "otp", "biometrics").containsAll(factors.fieldNames())) {
            // Named by the object that holds it: an unknown member's name is the client's text.
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "factors");
        }
        Object demographics = factors.getValue("demographics");
        if (demographics != null && !(demographics instanceof JsonObject)) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "factors.demographics");
        }
        Object otp = factors.getValue("otp");
        if (otp != null && !(otp instanceof String)) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "factors.otp");
        }
        Object nameMatching = factors.getValue("nameMatching", new JsonObject());
        if (!(nameMatching instanceof JsonObject matching)
                || !Set.of("strategy", "threshold").containsAll(matching.fieldNames())) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "factors.nameMatching");
        }
        RequestedFactors read = new RequestedFactors(
                Optional.ofNullable((JsonObject) demographics),
                strategy(matching),
                threshold(matching),
                Optional.ofNullable((String) otp),
                factors.containsKey("biometrics")
                        ? Optional.of(BiometricFactor.read(factors.getValue("biometrics")))
                        : Optional.empty());
        if (read.authTypes().isEmpty()) {
            throw new AuthRefusal(AuthError.NO_FACTORS, "factors");
        }
        return read;
    }

    private static MatchStrategy strategy(JsonObject matching) {
        Object strategy = matching.getValue("strategy", "EXACT");
        try {
            return MatchStrategy.valueOf(String.valueOf(strategy));
        } catch (IllegalArgumentException e) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "factors.nameMatching.strategy");
        }
    }

    private static Optional<Double> threshold(JsonObject matching) {
        Object threshold = matching.getValue("threshold");
        if (threshold == null) {
            return Optional.empty();
        }
        if (!(threshold instanceof Number number)) {
            throw new AuthRefusal(AuthError.DEMO_THRESHOLD_INVALID, "factors.nameMatching.threshold");
        }
        return Optional.of(number.doubleValue());
    }

    @Override
    public String toString() {
        return "RequestedFactors" + authTypes();
    }
}
