package org.civis.auth.decision;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.refusal.AuthFailure;
import org.civis.auth.view.ResolvedIdentity;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.lock.AuthType;

/**
 * The decision on one request: yes with the partner's token for the person (and, for e-KYC, the
 * released attributes), or no with the errors. The UIN is kept for the transaction record only;
 * it is never put in an answer.
 */
public record AuthOutcome(
        boolean authenticated,
        List<AuthFailure> failures,
        Optional<Uin> uin,
        Optional<IndividualId.Type> idType,
        Set<AuthType> authTypes,
        Optional<String> token,
        Optional<JsonObject> kycAttributes) {

    public AuthOutcome {
        failures = List.copyOf(failures);
        authTypes = Set.copyOf(authTypes);
    }

    public static AuthOutcome refused(
            List<AuthFailure> failures, Optional<ResolvedIdentity> identity, Set<AuthType> types) {
        return new AuthOutcome(
                false,
                failures,
                identity.map(i -> i.view().uin()),
                identity.map(ResolvedIdentity::idType),
                types,
                Optional.empty(),
                Optional.empty());
    }

    /** The HTTP status of the answer: 200 when decided, else the status of the first error. */
    public int httpStatus() {
        return failures.isEmpty() ? 200 : failures.get(0).code().status();
    }

    @Override
    public String toString() {
        return "AuthOutcome[" + authenticated + ", " + AuthFailure.codes(failures) + "]";
    }
}
