package org.civis.auth.credential;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.civis.core.identity.IdentityService;
import org.civis.core.schema.IdSchema;
import org.civis.issuer.keys.IssuerKeystore;

/** The credential services over one pool, the registry's identities and the issuer keystore, wired once. */
public record CredentialServices(
        CredentialService credentials,
        StatusListPublisher statusLists,
        IssuerKeystore keys,
        IssuanceSettings settings) {

    /** Wires the services over an opened issuer keystore. */
    public static CredentialServices of(
            Vertx vertx,
            Pool pool,
            IdentityService identities,
            IdSchema schema,
            IssuerKeystore keys,
            IssuanceSettings settings,
            Clock clock) {
        CredentialStore store = new CredentialStore(pool, IssuanceSettings.STATUS_LIST_CAPACITY);
        StatusListPublisher statusLists = new StatusListPublisher(vertx, store, keys, settings, clock);
        CredentialService credentials =
                new CredentialService(vertx, identities, schema, store, keys, statusLists, settings, clock);
        return new CredentialServices(credentials, statusLists, keys, settings);
    }
}
