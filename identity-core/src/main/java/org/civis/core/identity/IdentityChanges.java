package org.civis.core.identity;

import io.vertx.core.Future;
import org.civis.core.id.Uin;

/**
 * Told after each committed change that can alter an authentication of the identity (status,
 * update, locks, VIDs). The registry call completes only when the returned future does, so a
 * cache refreshed here is current before the caller hears that the change is done.
 */
@FunctionalInterface
public interface IdentityChanges {

    /** Listens to nothing: for tools that run no cache (the CLI, registry tests). */
    IdentityChanges NONE = uin -> Future.succeededFuture();

    Future<Void> changed(Uin uin);
}
