package org.civis.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civis.core.id.Uin;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeystore;
import org.civis.issuer.keys.SigningAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status list indexes under concurrent issuance by two nodes (two pools on one database), on lists
 * small enough that random draws collide and lists fill up and close.
 */
class CredentialStoreConcurrencyTest {
    private static final int CAPACITY = 8;
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private RegistryFixture fixture;
    private Pool secondPool;
    private IssuerKey key;

    @BeforeEach
    void start() {
        fixture = new RegistryFixture();
        secondPool = fixture.database.pool(fixture.vertx, 8);
        key = IssuerKeystore.openOrCreate(
                        dir.resolve("issuer-keys.p12"), "pw".toCharArray(), SigningAlgorithm.EDDSA, "T")
                .ring()
                .current();
    }

    @AfterEach
    void stop() {
        Await.result(secondPool.close());
        fixture.close();
    }

    @Test
    void concurrentIssuanceOnTwoNodesGivesEveryCredentialItsOwnEntryAndOpensListsAsTheyFill() {
        List<Uin> residents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            residents.add(fixture.issue("concurrent-" + i, Residents.full(i)));
        }
        CredentialStore one = new CredentialStore(fixture.pool, CAPACITY);
        CredentialStore two = new CredentialStore(secondPool, CAPACITY);

        List<Future<CredentialStore.Decision>> issued = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            CredentialStore node = i % 2 == 0 ? one : two;
            issued.add(node.issue(residents.get(i), 1, key, NOW, NOW.plusSeconds(86_400), false));
        }
        Await.result(Future.all(issued));

        assertThat(fixture.count("select count(*) from credentials")).isEqualTo(30);
        assertThat(fixture.count("select count(distinct (list_id, list_index)) from credentials"))
                .isEqualTo(30);
        assertThat(fixture.count("select count(*) from credentials c join status_lists l using (list_id)"
                        + " where c.list_index >= l.capacity"))
                .isZero();
        assertThat(fixture.count("select max(n) from (select count(*) as n from credentials group by list_id) t"))
                .isLessThanOrEqualTo(CAPACITY);
        assertThat(fixture.count("select count(*) from status_lists")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void concurrentIssuanceForOneIdentityLeavesExactlyOneCurrentCredential() {
        Uin uin = fixture.issue("one-identity", Residents.full(1));
        CredentialStore one = new CredentialStore(fixture.pool, 131_072);
        CredentialStore two = new CredentialStore(secondPool, 131_072);

        List<Future<CredentialStore.Decision>> issued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            issued.add((i % 2 == 0 ? one : two).issue(uin, 1, key, NOW.plusSeconds(i), NOW.plusSeconds(86_400), false));
        }
        Await.result(Future.all(issued));

        assertThat(fixture.count("select count(*) from credentials where uin = '" + uin.value() + "'"))
                .isEqualTo(10);
        assertThat(fixture.count("select count(*) from credentials where superseded_at is null"))
                .isEqualTo(1);
    }

    @Test
    void aReprintReusesTheCurrentCredentialOnlyForTheSameVersionAndKey() {
        Uin uin = fixture.issue("reprint", Residents.full(2));
        CredentialStore store = new CredentialStore(fixture.pool, 131_072);
        var first = Await.result(store.issue(uin, 1, key, NOW, NOW.plusSeconds(365 * 86_400L), true));
        var again = Await.result(store.issue(uin, 1, key, NOW.plusSeconds(60), NOW.plusSeconds(366 * 86_400L), true));
        var newer = Await.result(store.issue(uin, 2, key, NOW.plusSeconds(120), NOW.plusSeconds(366 * 86_400L), true));

        assertThat(first.reused()).isFalse();
        assertThat(again.reused()).isTrue();
        assertThat(again.record().credentialId()).isEqualTo(first.record().credentialId());
        assertThat(again.record().listIndex()).isEqualTo(first.record().listIndex());
        assertThat(newer.reused()).isFalse();
        assertThat(fixture.count("select count(*) from credentials where superseded_at is null"))
                .isEqualTo(1);
    }
}
