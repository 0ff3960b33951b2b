package org.civis.auth.decision;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.KycAsk;

/** Which attributes e-KYC may release: those asked for (all the policy allows if none named). */
final class KycRelease {
    /** The attributes to release on success, or why e-KYC is refused. */
    sealed interface Verdict {
        record Release(Set<String> attributes) implements Verdict {}

        record Refuse(List<AuthFailure> failures) implements Verdict {}
    }

    private KycRelease() {}

    /**
     * Policy first, then consent, then each attribute asked for; no ask (plain authentication)
     * releases none. A partner without an encryption key (an OpenID client that takes its claims
     * from userinfo) has nothing to seal e-KYC data to, so it gets none here.
     */
    static Verdict attributes(Optional<KycAsk> ask, Partner partner) {
        if (ask.isEmpty()) {
            return new Verdict.Release(Set.of());
        }
        PartnerPolicy policy = partner.policy();
        if (policy.kycAttributes().isEmpty() || partner.encryptionKey().isEmpty()) {
            return refuse(AuthFailure.of(AuthError.KYC_NOT_ALLOWED));
        }
        if (!ask.get().consent()) {
            return refuse(AuthFailure.of(AuthError.KYC_CONSENT_MISSING, "consent"));
        }
        Parsed<Optional<List<String>>> asked = ask.get().attributes();
        if (asked instanceof Parsed.Invalid<Optional<List<String>>> invalid) {
            return refuse(invalid.failure());
        }
        Optional<List<String>> names = ((Parsed.Value<Optional<List<String>>>) asked).value();
        if (names.isEmpty()) {
            return new Verdict.Release(policy.kycAttributes());
        }
        Set<String> wanted = new LinkedHashSet<>();
        List<AuthFailure> forbidden = new ArrayList<>();
        for (int i = 0; i < names.get().size(); i++) {
            String attribute = names.get().get(i);
            if (policy.kycAttributes().contains(attribute)) {
                wanted.add(attribute);
            } else {
                // Named by its place in the list: the name asked for may be any text the client chose.
                forbidden.add(AuthFailure.of(AuthError.KYC_ATTRIBUTE_NOT_ALLOWED, "kycAttributes." + i));
            }
        }
        return forbidden.isEmpty() ? new Verdict.Release(wanted) : new Verdict.Refuse(forbidden);
    }

    static JsonObject select(JsonObject fields, Set<String> attributes) {
        JsonObject released = new JsonObject();
        attributes.stream()
                .sorted()
                .filter(fields::containsKey)
                .forEach(name -> released.put(name, fields.getValue(name)));
        return released;
    }

    private static Verdict refuse(AuthFailure failure) {
        return new Verdict.Refuse(List.of(failure));
    }
}
