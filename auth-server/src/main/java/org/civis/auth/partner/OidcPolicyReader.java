package org.civis.auth.partner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.core.schema.JsonPointer;
import org.civis.core.schema.Violation;
import org.civis.core.schema.ViolationCode;

/**
 * Reads a policy's {@code oidc} member strictly, adding each problem to the policy's violations at
 * its path (e.g. {@code /policy/oidc/redirectUris/0}). Like {@link PolicyReader}, no message repeats
 * the client's text.
 */
final class OidcPolicyReader {
    private static final Set<String> MEMBERS = Set.of(
            "redirectUris", "requirePushedAuthorizationRequests", "idTokenSignedResponseAlg", "userinfoResponse");
    private static final int MAX_URI_LENGTH = 2048;

    private final String at;
    private final List<Violation> violations;
    private final int before;

    OidcPolicyReader(String at, List<Violation> violations) {
        this.at = at;
        this.violations = violations;
        this.before = violations.size();
    }

    Optional<OidcPolicy> read(Object value) {
        if (!(value instanceof JsonObject json)) {
            violations.add(new Violation(at, ViolationCode.FIELD_TYPE, "must be an object"));
            return Optional.empty();
        }
        if (!MEMBERS.containsAll(json.fieldNames())) {
            violations.add(new Violation(
                    at,
                    ViolationCode.FIELD_UNKNOWN,
                    "has members other than " + MEMBERS.stream().sorted().toList()));
        }
        List<URI> uris = redirectUris(json);
        boolean requirePar = requirePar(json);
        OidcPolicy.IdTokenAlg alg = idTokenAlg(json);
        OidcPolicy.UserinfoResponse userinfo = userinfoResponse(json);
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new OidcPolicy(uris, requirePar, alg, userinfo));
    }

    private List<URI> redirectUris(JsonObject json) {
        String path = JsonPointer.child(at, "redirectUris");
        Object value = json.getValue("redirectUris");
        List<URI> uris = new ArrayList<>();
        if (!(value instanceof JsonArray array)) {
            violations.add(new Violation(
                    path,
                    value == null ? ViolationCode.FIELD_REQUIRED : ViolationCode.FIELD_TYPE,
                    "must be an array of 1 to " + OidcPolicy.MAX_REDIRECT_URIS + " URIs"));
            return uris;
        }
        if (array.isEmpty() || array.size() > OidcPolicy.MAX_REDIRECT_URIS) {
            violations.add(new Violation(
                    path,
                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                    "must hold 1 to " + OidcPolicy.MAX_REDIRECT_URIS + " URIs"));
            return uris;
        }
        for (int i = 0; i < array.size(); i++) {
            String item = JsonPointer.child(path, i);
            if (!(array.getValue(i) instanceof String text)) {
                violations.add(new Violation(item, ViolationCode.FIELD_TYPE, "must be a string"));
                continue;
            }
            Optional<URI> uri = parse(text);
            if (uri.isEmpty() || !OidcPolicy.acceptableRedirect(uri.get())) {
                violations.add(new Violation(
                        item,
                        ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                        "must be an absolute https URI without a fragment (http only on a loopback host)"));
            } else if (uris.contains(uri.get())) {
                violations.add(new Violation(item, ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must not repeat"));
            } else {
                uris.add(uri.get());
            }
        }
        return uris;
    }

    private static Optional<URI> parse(String text) {
        if (text.length() > MAX_URI_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private boolean requirePar(JsonObject json) {
        Object value = json.getValue("requirePushedAuthorizationRequests", false);
        if (!(value instanceof Boolean b)) {
            violations.add(new Violation(
                    JsonPointer.child(at, "requirePushedAuthorizationRequests"),
                    ViolationCode.FIELD_TYPE,
                    "must be true or false"));
            return false;
        }
        return b;
    }

    private OidcPolicy.IdTokenAlg idTokenAlg(JsonObject json) {
        Object value = json.getValue("idTokenSignedResponseAlg", OidcPolicy.IdTokenAlg.RS256.name());
        for (OidcPolicy.IdTokenAlg alg : OidcPolicy.IdTokenAlg.values()) {
            if (alg.name().equals(value)) {
                return alg;
            }
        }
        violations.add(new Violation(
                JsonPointer.child(at, "idTokenSignedResponseAlg"),
                ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                "must be one of " + Arrays.toString(OidcPolicy.IdTokenAlg.values())));
        return OidcPolicy.IdTokenAlg.RS256;
    }

    private OidcPolicy.UserinfoResponse userinfoResponse(JsonObject json) {
        Object value = json.getValue("userinfoResponse", OidcPolicy.UserinfoResponse.JSON.wireName());
        for (OidcPolicy.UserinfoResponse form : OidcPolicy.UserinfoResponse.values()) {
            if (form.wireName().equals(value)) {
                return form;
            }
        }
        violations.add(new Violation(
                JsonPointer.child(at, "userinfoResponse"),
                ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                "must be one of json, signed, signed-and-encrypted"));
        return OidcPolicy.UserinfoResponse.JSON;
    }
}
