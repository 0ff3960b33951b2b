package org.civis.server;

import io.vertx.core.Vertx;
import org.civis.auth.credential.CredentialServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the issuer keystore file every {@value #PERIOD_MS} ms, on a worker, and reloads it when
 * it changed: nodes that share the file then sign with a key rotated through another node within
 * that period, and publish it in their trust list.
 */
final class IssuerKeysWatch {
    static final long PERIOD_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeysWatch.class);

    private IssuerKeysWatch() {}

    /** Starts watching; closing the returned handle stops it. */
    static AutoCloseable start(Vertx vertx, CredentialServices issuance) {
        long timer = vertx.setPeriodic(
                PERIOD_MS, id -> vertx.executeBlocking(() -> issuance.keys().reloadIfChanged(), false)
                        .onSuccess(changed -> {
                            if (changed) {
                                issuance.statusLists().changed();
                            }
                        })
                        .onFailure(e -> LOG.warn(
                                "issuer keystore could not be reloaded: {}",
                                e.getClass().getSimpleName())));
        return () -> vertx.cancelTimer(timer);
    }
}
