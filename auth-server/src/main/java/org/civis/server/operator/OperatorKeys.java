package org.civis.server.operator;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;

/** The keys operator tokens are verified with. Implementations are thread-safe. */
interface OperatorKeys {

    /** The keys held now; never blocks. */
    JWKSet current();

    /**
     * Asks for the keys again because a token names a key not held. Implementations limit how
     * often this reaches the network, so tokens with made-up key ids cannot hammer the IdP.
     */
    Future<KeyRefresh> refresh();

    /** Keys that never change: the development issuer's, which the server holds itself. */
    static OperatorKeys fixed(JWKSet keys) {
        JWKSet publicKeys = keys.toPublicJWKSet();
        return new OperatorKeys() {
            @Override
            public JWKSet current() {
                return publicKeys;
            }

            @Override
            public Future<KeyRefresh> refresh() {
                return Future.succeededFuture(KeyRefresh.NOT_DUE);
            }
        };
    }
}
