package org.civis.auth.partner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.NamePolicy;
import org.civis.core.lock.AuthType;
import org.civis.core.schema.JsonPointer;
import org.civis.core.schema.Violation;
import org.civis.core.schema.ViolationCode;

/**
 * Reads a partner policy strictly and reports every problem as a violation at its path. No path or
 * message repeats the client's text: an unknown member is reported at the object that holds it, a
 * wrong value at its own (known) member.
 */
final class PolicyReader {
    private static final Set<String> MEMBERS =
            Set.of("authTypes", "kycAttributes", "nameMatching", "requestsPerSecond", "oidc");
    private static final Set<String> NAME_MATCHING = Set.of("partial", "phonetic", "minScore");
    private static final int DEFAULT_REQUESTS_PER_SECOND = 100;

    private final String base;
    private final List<Violation> violations = new ArrayList<>();

    private PolicyReader(String base) {
        this.base = base;
    }

    static PartnerPolicy.Reading read(JsonObject json, String base) {
        return new PolicyReader(base).read(json);
    }

    private PartnerPolicy.Reading read(JsonObject json) {
        unknownMembers(json, MEMBERS, base);
        Set<AuthType> types = authTypes(json);
        Set<String> kyc = strings(json, "kycAttributes");
        NamePolicy names = nameMatching(json);
        int perSecond = requestsPerSecond(json);
        Optional<OidcPolicy> oidc = json.containsKey("oidc")
                ? new OidcPolicyReader(path("oidc"), violations).read(json.getValue("oidc"))
                : Optional.empty();
        if (!violations.isEmpty()) {
            return new PartnerPolicy.Reading(Optional.empty(), violations);
        }
        return new PartnerPolicy.Reading(Optional.of(new PartnerPolicy(types, kyc, names, perSecond, oidc)), List.of());
    }

    private Set<AuthType> authTypes(JsonObject json) {
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        List<String> names = new ArrayList<>(strings(json, "authTypes"));
        for (int i = 0; i < names.size(); i++) {
            Optional<AuthType> type = authType(names.get(i));
            if (type.isPresent()) {
                types.add(type.get());
            } else {
                violations.add(new Violation(
                        JsonPointer.child(path("authTypes"), i),
                        ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                        "must be one of DEMO, OTP, BIO"));
            }
        }
        return types;
    }

    private static Optional<AuthType> authType(String name) {
        for (AuthType type : AuthType.values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private Set<String> strings(JsonObject json, String name) {
        Object value = json.getValue(name, new JsonArray());
        Set<String> out = new LinkedHashSet<>();
        if (!(value instanceof JsonArray array)) {
            violations.add(new Violation(path(name), ViolationCode.FIELD_TYPE, "must be an array of strings"));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String s)) {
                violations.add(
                        new Violation(JsonPointer.child(path(name), i), ViolationCode.FIELD_TYPE, "must be a string"));
            } else if (s.isBlank()) {
                violations.add(new Violation(
                        JsonPointer.child(path(name), i), ViolationCode.FIELD_EMPTY, "must not be blank"));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private NamePolicy nameMatching(JsonObject json) {
        Object value = json.getValue("nameMatching", new JsonObject());
        String at = path("nameMatching");
        if (!(value instanceof JsonObject names)) {
            violations.add(new Violation(at, ViolationCode.FIELD_TYPE, "must be an object"));
            return NamePolicy.EXACT_ONLY;
        }
        unknownMembers(names, NAME_MATCHING, at);
        boolean partial = bool(names, "partial", at);
        boolean phonetic = bool(names, "phonetic", at);
        Object score = names.getValue("minScore", 1.0);
        if (!(score instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
            violations.add(new Violation(
                    JsonPointer.child(at, "minScore"),
                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                    "must be a number from 0 to 1"));
            return NamePolicy.EXACT_ONLY;
        }
        return new NamePolicy(partial, phonetic, n.doubleValue());
    }

    private boolean bool(JsonObject json, String name, String at) {
        Object value = json.getValue(name, false);
        if (!(value instanceof Boolean b)) {
            violations.add(
                    new Violation(JsonPointer.child(at, name), ViolationCode.FIELD_TYPE, "must be true or false"));
            return false;
        }
        return b;
    }

    private int requestsPerSecond(JsonObject json) {
        Object rate = json.getValue("requestsPerSecond", DEFAULT_REQUESTS_PER_SECOND);
        if (!(rate instanceof Integer perSecond)
                || perSecond < 1
                || perSecond > PartnerPolicy.MAX_REQUESTS_PER_SECOND) {
            violations.add(new Violation(
                    path("requestsPerSecond"),
                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                    "must be a whole number from 1 to " + PartnerPolicy.MAX_REQUESTS_PER_SECOND));
            return DEFAULT_REQUESTS_PER_SECOND;
        }
        return perSecond;
    }

    private void unknownMembers(JsonObject json, Set<String> known, String at) {
        if (!known.containsAll(json.fieldNames())) {
            violations.add(new Violation(
                    at,
                    ViolationCode.FIELD_UNKNOWN,
                    "has members other than " + known.stream().sorted().toList()));
        }
    }

    private String path(String member) {
        return JsonPointer.child(base, member);
    }
}
