package org.civis.oidc.flow;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.civis.core.identity.IdentityService;
import org.civis.core.refusal.Result;
import org.civis.oidc.OidcClaims;
import org.civis.oidc.client.OidcClient;
import org.civis.oidc.token.SignedIn;

/**
 * The values of released claims, read from the identity as it is now through the registry (which
 * audits the read under the actor {@code partner:<client id>}). No claims asked: nothing read.
 */
public final class ClaimValues {
    private final IdentityService identities;
    private final List<String> languages;

    public ClaimValues(IdentityService identities, List<String> languages) {
        this.identities = identities;
        this.languages = List.copyOf(languages);
    }

    /** The values of {@code claims}; an identity no longer readable releases none. */
    public Future<JsonObject> of(OidcClient client, SignedIn signedIn, Set<String> claims) {
        if (claims.isEmpty()) {
            return Future.succeededFuture(new JsonObject());
        }
        return identities
                .read(signedIn.uin(), "partner:" + client.id().value())
                .map(read -> read instanceof Result.Accepted<?> accepted
                        ? OidcClaims.values(
                                ((org.civis.core.identity.Identity) accepted.value()).fields(), claims, languages)
                        : new JsonObject());
    }
}
