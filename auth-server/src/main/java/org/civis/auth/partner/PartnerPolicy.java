package org.civis.auth.partner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.demo.NamePolicy;
import org.civis.core.lock.AuthType;

/**
 * What a partner may do: which auth types it may ask for, which attributes e-KYC may release to
 * it, whether names may match partially or phonetically (and from which score), and how many
 * requests a second it may send across the cluster.
 */
public record PartnerPolicy(
        Set<AuthType> authTypes, Set<String> kycAttributes, NamePolicy nameMatching, int requestsPerSecond) {
    public static final int MAX_REQUESTS_PER_SECOND = 1_000_000;

    public PartnerPolicy {
        authTypes = authTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(authTypes));
        kycAttributes = Set.copyOf(kycAttributes);
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be 1.." + MAX_REQUESTS_PER_SECOND);
        }
    }

    /**
     * Reads a policy. Strict: unknown members, wrong types and unknown auth types are refused with
     * a message naming the member.
     */
    public static PartnerPolicy fromJson(JsonObject json) {
        Set<String> known = Set.of("authTypes", "kycAttributes", "nameMatching", "requestsPerSecond");
        for (String name : json.fieldNames()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("policy." + name + " is not a policy setting");
            }
        }
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        for (String name : strings(json, "authTypes")) {
            try {
                types.add(AuthType.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy.authTypes: " + name + " is not one of DEMO, OTP, BIO");
            }
        }
        JsonObject names = object(json, "nameMatching");
        NamePolicy nameMatching =
                new NamePolicy(bool(names, "partial"), bool(names, "phonetic"), number(names, "minScore", 1.0));
        Object rate = json.getValue("requestsPerSecond", 100);
        if (!(rate instanceof Integer perSecond)) {
            throw new IllegalArgumentException("policy.requestsPerSecond must be a whole number");
        }
        return new PartnerPolicy(types, new LinkedHashSet<>(strings(json, "kycAttributes")), nameMatching, perSecond);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put(
                        "authTypes",
                        new JsonArray(
                                new TreeSet<>(authTypes.stream().map(Enum::name).toList())
                                        .stream().toList()))
                .put(
                        "kycAttributes",
                        new JsonArray(new TreeSet<>(kycAttributes).stream().toList()))
                .put(
                        "nameMatching",
                        new JsonObject()
                                .put("partial", nameMatching.partialAllowed())
                                .put("phonetic", nameMatching.phoneticAllowed())
                                .put("minScore", nameMatching.minScore()))
                .put("requestsPerSecond", requestsPerSecond);
    }

    private static Set<String> strings(JsonObject json, String name) {
        Object value = json.getValue(name, new JsonArray());
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("policy." + name + " must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object item : array) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("policy." + name + " must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    private static JsonObject object(JsonObject json, String name) {
        Object value = json.getValue(name, new JsonObject());
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException("policy." + name + " must be an object");
        }
        return object;
    }

    private static boolean bool(JsonObject json, String name) {
        Object value = json.getValue(name, false);
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException("policy.nameMatching." + name + " must be true or false");
        }
        return b;
    }

    private static double number(JsonObject json, String name, double fallback) {
        Object value = json.getValue(name, fallback);
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw new IllegalArgumentException("policy.nameMatching." + name + " must be a number from 0 to 1");
        }
        return n.doubleValue();
    }
}
