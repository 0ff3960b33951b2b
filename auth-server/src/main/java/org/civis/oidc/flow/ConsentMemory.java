package org.civis.oidc.flow;

import io.vertx.core.Future;
import java.util.Set;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;

/**
 * What the sign-in needs of the resident's remembered consents: whether one covers the claims
 * asked, and to remember an allow. {@code org.civis.oidc.consent.Consents} answers it in the
 * server; a test may hold them in memory.
 */
public interface ConsentMemory {
    Future<Boolean> covers(Uin uin, PartnerId client, Set<String> claims);

    Future<Void> remember(Uin uin, PartnerId client, Set<String> claims);
}
