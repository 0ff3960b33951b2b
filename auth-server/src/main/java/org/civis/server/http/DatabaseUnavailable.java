package org.civis.server.http;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;

/**
 * Tells a failure of the database's availability (refused or dropped connection, a server
 * shutting down or starting up) from a bug. The first is temporary, so it is answered as not
 * ready; the watch on the embedded server starts it again meanwhile. The transaction was rolled
 * back, or (a connection lost during COMMIT) committed whole, never half: an enrollment sent
 * again under the same registration id gets its final answer either way.
 */
final class DatabaseUnavailable {
    private DatabaseUnavailable() {}

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A refused connect (ConnectException is one) or a connection reset by a dying server.
            if (t instanceof SocketException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                // 08: connection exception; 57P01..57P03: shutdown, crash shutdown, cannot connect now.
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
