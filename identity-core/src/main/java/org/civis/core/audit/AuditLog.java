package org.civis.core.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records entries inside the caller's transaction, so an entry exists exactly when the change it
 * records was committed. The entry lands in {@code audit_pending} without taking any lock; the
 * {@link AuditChainer} links it into the hash chain shortly after. Chaining at write time would
 * make every registry transaction wait for the one before it to commit.
 */
public final class AuditLog {
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Future<Void> append(SqlConnection tx, AuditEvent event) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.preparedQuery("insert into audit_pending (at, actor, action, subject, details)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(
                        at.atOffset(ZoneOffset.UTC),
                        event.actor(),
                        event.action().name(),
                        event.subject(),
                        event.details().encode()))
                .mapEmpty();
    }

    /** Records many entries in one statement (a bulk import), in the given order, at one instant. */
    public Future<Void> appendAll(SqlConnection tx, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.preparedQuery("insert into audit_pending (at, actor, action, subject, details)"
                        + " select $1, actor, action, subject, details from unnest($2::text[], $3::text[], $4::text[],"
                        + " $5::text[]) with ordinality as t(actor, action, subject, details, i) order by i")
                .execute(Tuple.tuple()
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))
                        .addArrayOfString(events.stream().map(AuditEvent::actor).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream().map(e -> e.action().name()).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream().map(AuditEvent::subject).toArray(String[]::new))
                        .addArrayOfString(
                                events.stream().map(e -> e.details().encode()).toArray(String[]::new)))
                .mapEmpty();
    }
}
