package org.civis.auth.request;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.bio.BiometricFactor;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.Parsed;
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

    private static final Set<String> MEMBERS = Set.of("demographics", "nameMatching", "otp", "biometrics");
    private static final Set<String> MATCHING = Set.of("strategy", "threshold");

    public Set<AuthType> authTypes() {
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        demographics.ifPresent(d -> types.add(AuthType.DEMO));
        otp.ifPresent(o -> types.add(AuthType.OTP));
        biometrics.ifPresent(b -> types.add(AuthType.BIO));
        return types;
    }

    /** Reads the factors, decrypting them first if they came encrypted; the first fault found names it. */
    static Parsed<RequestedFactors> read(Object raw, FactorDecryptor decryptor) {
        JsonObject factors;
        if (raw instanceof JsonObject object) {
            factors = object;
        } else if (raw instanceof String jwe) {
            FactorDecryption opened = decryptor.decrypt(jwe);
            if (!(opened instanceof FactorDecryption.Opened open)) {
                return Parsed.invalid(AuthError.FACTORS_UNREADABLE, "factors");
            }
            factors = open.factors();
        } else {
            return Parsed.invalid(AuthError.NO_FACTORS, "factors");
        }
        if (!MEMBERS.containsAll(factors.fieldNames())) {
            // Named by the object that holds it: an unknown member's name is the client's text.
            return Parsed.invalid(AuthError.REQUEST_INVALID, "factors");
        }
        Object demographics = factors.getValue("demographics");
        if (demographics != null && !(demographics instanceof JsonObject)) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "factors.demographics");
        }
        Object otp = factors.getValue("otp");
        if (otp != null && !(otp instanceof String)) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "factors.otp");
        }
        Object nameMatching = factors.getValue("nameMatching", new JsonObject());
        if (!(nameMatching instanceof JsonObject matching) || !MATCHING.containsAll(matching.fieldNames())) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "factors.nameMatching");
        }
        Optional<MatchStrategy> strategy = strategy(matching);
        if (strategy.isEmpty()) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "factors.nameMatching.strategy");
        }
        Object threshold = matching.getValue("threshold");
        if (threshold != null && !(threshold instanceof Number)) {
            return Parsed.invalid(AuthError.DEMO_THRESHOLD_INVALID, "factors.nameMatching.threshold");
        }
        Optional<BiometricFactor> biometrics = Optional.empty();
        if (factors.containsKey("biometrics")) {
            Parsed<BiometricFactor> bio = BiometricFactor.read(factors.getValue("biometrics"));
            if (bio instanceof Parsed.Invalid<BiometricFactor> invalid) {
                return new Parsed.Invalid<>(invalid.failure());
            }
            biometrics = Optional.of(((Parsed.Value<BiometricFactor>) bio).value());
        }
        RequestedFactors read = new RequestedFactors(
                Optional.ofNullable((JsonObject) demographics),
                strategy.get(),
                Optional.ofNullable((Number) threshold).map(Number::doubleValue),
                Optional.ofNullable((String) otp),
                biometrics);
        return read.authTypes().isEmpty() ? Parsed.invalid(AuthError.NO_FACTORS, "factors") : Parsed.of(read);
    }

    private static Optional<MatchStrategy> strategy(JsonObject matching) {
        try {
            return Optional.of(MatchStrategy.valueOf(String.valueOf(matching.getValue("strategy", "EXACT"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "RequestedFactors" + authTypes();
    }
}
