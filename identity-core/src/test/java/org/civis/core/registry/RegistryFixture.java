package org.civis.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KeyGenerator;
import org.civis.core.Registry;
import org.civis.core.RegistrySettings;
import org.civis.core.crypto.KeyStoreMasterKey;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.storage.Await;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;

/** A registry on its own fresh database, with real keys and a clock the test controls. */
public final class RegistryFixture implements AutoCloseable {
    public final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T09:00:00Z"));
    public final PostgresServer database = TestDatabase.fresh();
    public final Vertx vertx = Vertx.vertx();
    public final Pool pool = database.pool(vertx, 8);
    public final RegistryKeys keys = freshKeys();
    public final Registry registry;

    public RegistryFixture() {
        this(RegistrySettings.defaults());
    }

    public RegistryFixture(RegistrySettings settings) {
        this(settings, IdentityChanges.NONE);
    }

    /** A registry that reports its auth-relevant changes to {@code changes}. */
    public RegistryFixture(IdentityChanges changes) {
        this(RegistrySettings.defaults(), changes);
    }

    private RegistryFixture(RegistrySettings settings, IdentityChanges changes) {
        registry = new Registry(pool, keys, settings, changes, clock);
    }

    /** Another registry over the same database and keys: a second node of one deployment. */
    public Registry secondNode(RegistrySettings settings) {
        return new Registry(pool, keys, settings, IdentityChanges.NONE, clock);
    }

    static RegistryKeys freshKeys() {
        try {
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256);
            KeyGenerator hmac = KeyGenerator.getInstance("HmacSHA256");
            return new RegistryKeys(
                    new KeyStoreMasterKey("test-kek-1", aes.generateKey()), hmac.generateKey(), hmac.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enrolls a resident who must be issued, and returns the UIN. */
    public Uin issue(String registrationId, JsonObject identity) {
        return Await.accepted(registry.enrollments().enroll(Residents.request(registrationId, identity), "op"))
                .uin()
                .orElseThrow();
    }

    /** The code with which the registry refused a call that must be refused. */
    public static RegistryError refusal(Future<? extends Result<?>> refused) {
        return (RegistryError) refused(refused).code();
    }

    /** The refusal, with its violations, of a call that must be refused. */
    public static Refusal refused(Future<? extends Result<?>> refused) {
        Result<?> answer = Await.result(refused);
        assertThat(answer).isInstanceOf(Result.Refused.class);
        return ((Result.Refused<?>) answer).refusal();
    }

    /** The audit trail as a reader sees it (pending entries chained first), one line per entry by seq. */
    public List<String> auditTrail(String expression) {
        Await.result(registry.auditChainer().chainPending());
        return rows("select " + expression + " from audit_log order by seq");
    }

    /** One number from SQL, for asserting on what was (not) written. */
    public long count(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }

    /** The first column of every row, as text. */
    public List<String> rows(String sql) {
        try (var c = database.connection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        registry.biometrics().close();
        Await.result(pool.close());
        Await.result(vertx.close());
    }
}
