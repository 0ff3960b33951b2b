package org.civis.oidc.consent;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;

/**
 * A resident's remembered consents, one per relying party, durable in PostgreSQL: what they
 * allowed it to receive and until when. An expired consent is as good as none; it stays in the
 * table until the next grant replaces it.
 */
public final class Consents {
    private final Pool pool;
    private final Clock clock;

    public Consents(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** One remembered consent. */
    public record Consent(PartnerId client, Set<String> claims, Instant grantedAt, Instant expiresAt) {
        public Consent {
            claims = Set.copyOf(claims);
        }

        /** Whether the resident already allowed everything {@code asked}. */
        public boolean covers(Set<String> asked) {
            return claims.containsAll(asked);
        }
    }

    /** The unexpired consent the resident gave {@code client}, if any. */
    public Future<Optional<Consent>> find(Uin uin, PartnerId client) {
        return pool.preparedQuery("select partner_id, claims, granted_at, expires_at from oidc_consents"
                        + " where uin = $1 and partner_id = $2 and expires_at > $3")
                .execute(Tuple.of(uin.value(), client.value(), at(clock.instant())))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(consent(rows.iterator().next())));
    }

    /** Remembers the consent for {@code lifetime}, replacing any earlier one to the same client. */
    public Future<Void> grant(Uin uin, PartnerId client, Set<String> claims, Duration lifetime) {
        Instant now = clock.instant();
        return pool.preparedQuery(
                        "insert into oidc_consents (uin, partner_id, claims, granted_at, expires_at)"
                                + " values ($1, $2, $3, $4, $5) on conflict (uin, partner_id) do update set"
                                + " claims = excluded.claims, granted_at = excluded.granted_at, expires_at = excluded.expires_at")
                .execute(Tuple.of(
                        uin.value(),
                        client.value(),
                        new TreeSet<>(claims).toArray(String[]::new),
                        at(now),
                        at(now.plus(lifetime))))
                .mapEmpty();
    }

    /** The resident's unexpired consents, newest first. */
    public Future<List<Consent>> list(Uin uin) {
        return pool.preparedQuery("select partner_id, claims, granted_at, expires_at from oidc_consents"
                        + " where uin = $1 and expires_at > $2 order by granted_at desc, partner_id")
                .execute(Tuple.of(uin.value(), at(clock.instant())))
                .map(rows -> {
                    List<Consent> consents = new ArrayList<>();
                    rows.forEach(row -> consents.add(consent(row)));
                    return List.copyOf(consents);
                });
    }

    /** Forgets the consent to {@code client}; true if there was one (expired or not). */
    public Future<Boolean> revoke(Uin uin, PartnerId client) {
        return pool.preparedQuery("delete from oidc_consents where uin = $1 and partner_id = $2")
                .execute(Tuple.of(uin.value(), client.value()))
                .map(result -> result.rowCount() > 0);
    }

    private static Consent consent(Row row) {
        return new Consent(
                new PartnerId(row.getString("partner_id")),
                Set.of(row.getArrayOfStrings("claims")),
                row.getOffsetDateTime("granted_at").toInstant(),
                row.getOffsetDateTime("expires_at").toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
