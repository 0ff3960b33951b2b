package org.civis.auth.partner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.demo.NamePolicy;
import org.civis.core.lock.AuthType;
import org.civis.core.schema.Violation;

/**
 * What a partner may do: which auth types it may ask for, which attributes e-KYC may release to
 * it, whether names may match partially or phonetically (and from which score), and how many
 * requests a second it may send across the cluster, and whether (and how) it may sign residents in
 * with OpenID Connect ({@code oidc} present).
 */
public record PartnerPolicy(
        Set<AuthType> authTypes,
        Set<String> kycAttributes,
        NamePolicy nameMatching,
        int requestsPerSecond,
        Optional<OidcPolicy> oidc) {
    public static final int MAX_REQUESTS_PER_SECOND = 1_000_000;

    public PartnerPolicy {
        authTypes = authTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(authTypes));
        kycAttributes = Set.copyOf(kycAttributes);
        if (requestsPerSecond < 1 || requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
            throw new IllegalArgumentException("requestsPerSecond must be 1.." + MAX_REQUESTS_PER_SECOND);
        }
    }

    /** A policy without OpenID Connect. */
    public PartnerPolicy(
            Set<AuthType> authTypes, Set<String> kycAttributes, NamePolicy nameMatching, int requestsPerSecond) {
        this(authTypes, kycAttributes, nameMatching, requestsPerSecond, Optional.empty());
    }

    /** A policy read from a request: the policy, or every violation found (then no policy). */
    public record Reading(Optional<PartnerPolicy> policy, List<Violation> violations) {
        public Reading {
            violations = List.copyOf(violations);
        }
    }

    /**
     * Reads a policy. Strict: unknown members (in {@code nameMatching} too), wrong types and unknown
     * auth types are each reported as a violation at a path under {@code base}, e.g. {@code /policy}.
     */
    public static Reading read(JsonObject json, String base) {
        return PolicyReader.read(json, base);
    }

    /** Reads a policy that is known to be valid, such as a stored one; refuses anything else. */
    public static PartnerPolicy fromJson(JsonObject json) {
        return read(json, "").policy().orElseThrow(() -> new IllegalArgumentException("not a valid partner policy"));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
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
        oidc.ifPresent(o -> json.put("oidc", o.toJson()));
        return json;
    }
}
