package org.civis.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civis.auth.partner.PartnerPolicy;

/** Which attributes e-KYC may release: those asked for (all the policy allows if none named). */
final class KycRelease {
    private KycRelease() {}

    static Set<String> attributes(JsonObject payload, PartnerPolicy policy) {
        if (policy.kycAttributes().isEmpty()) {
            throw new AuthRefusal(AuthError.KYC_NOT_ALLOWED);
        }
        if (!Boolean.TRUE.equals(payload.getValue("consent"))) {
            throw new AuthRefusal(AuthError.KYC_CONSENT_MISSING, "consent");
        }
        Object asked = payload.getValue("kycAttributes");
        if (asked == null) {
            return policy.kycAttributes();
        }
        if (!(asked instanceof JsonArray names)) {
            throw new AuthRefusal(AuthError.REQUEST_INVALID, "kycAttributes");
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<AuthFailure> forbidden = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!(names.getValue(i) instanceof String attribute)) {
                throw new AuthRefusal(AuthError.REQUEST_INVALID, "kycAttributes");
            }
            if (policy.kycAttributes().contains(attribute)) {
                wanted.add(attribute);
            } else {
                // Named by its place in the list: the name asked for may be any text the client chose.
                forbidden.add(AuthFailure.of(AuthError.KYC_ATTRIBUTE_NOT_ALLOWED, "kycAttributes." + i));
            }
        }
        if (!forbidden.isEmpty()) {
            throw new AuthRefusal(forbidden);
        }
        return wanted;
    }

    static JsonObject select(JsonObject fields, Set<String> attributes) {
        JsonObject released = new JsonObject();
        attributes.stream()
                .sorted()
                .filter(fields::containsKey)
                .forEach(name -> released.put(name, fields.getValue(name)));
        return released;
    }
}
