package org.civis.auth.partner;

import io.vertx.core.Future;

/**
 * Where a committed partner change goes so that the request path sees it: the cluster directory
 * on a running node. A tool working on the database alone (the seed command) passes {@link #NONE}:
 * a node that later looks the partner up loads it from PostgreSQL on its cache miss.
 */
@FunctionalInterface
public interface PartnerChanges {
    PartnerChanges NONE = partner -> Future.succeededFuture();

    Future<Void> publish(Partner partner);
}
