package org.civis.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.cluster.AuthLoad.Resident;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a check, a measurement, run on request (CI skips it): the signed-auth rate of one node and of
 * a three-node cluster under the same load in the same run, and how long the two survivors of a
 * SIGKILL take until every partition has an owner and a backup again (the observer, a lite member,
 * polls the member list and {@code PartitionService.isClusterSafe()} every 20 ms).
 * {@code mvn -B -pl auth-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ClusterMeasurementIT -Dcivis.measure.seconds=20};
 * figures go to the test output file.
 */
@EnabledIfSystemProperty(named = "civis.measure.seconds", matches = "[0-9]+")
class ClusterMeasurementIT {
    private static final List<String> JVM = List.of("-Xmx512m");
    private static final int WORKERS = Integer.getInteger("civis.measure.workers", 8);
    private static final int KILLS = Integer.getInteger("civis.measure.kills", 3);

    @TempDir
    Path work;

    @Test
    void authRateOfOneNodeAndOfThreeAndTakeoverAfterAKill() throws Exception {
        int seconds = Integer.getInteger("civis.measure.seconds");
        double single;
        try (LocalCluster one = LocalCluster.start(work.resolve("single"), 1, JVM)) {
            single = rate(one.nodes, populate(one), seconds);
        }
        try (LocalCluster three = LocalCluster.start(work.resolve("three"), 3, JVM);
                ClusterObserver observer = three.observe()) {
            observer.awaitSafeWith(3, Duration.ofMinutes(1));
            Population population = populate(three);
            double cluster = rate(three.nodes, population, seconds);
            report(
                    "signed DEMO auth, %d workers, %d s after %d s warm-up: one node %.0f/s, three nodes %.0f/s",
                    WORKERS, seconds, seconds / 2, single, cluster);
            try (AuthLoad load = new AuthLoad(three.nodes, population.partner(), population.residents(), WORKERS)) {
                ClusterNode victim = three.nodes.get(1);
                for (int kill = 1; kill <= KILLS; kill++) {
                    load.awaitAnswersFrom(1, load.answeredBy(1), 50);
                    long start = System.nanoTime();
                    victim.kill();
                    observer.awaitServers(2, Duration.ofMinutes(2));
                    long gone = System.nanoTime() - start;
                    observer.awaitSafeWith(2, Duration.ofMinutes(2));
                    long safe = System.nanoTime() - start;
                    report(
                            "kill %d under load: member removed %d ms, cluster safe %d ms after SIGKILL",
                            kill, gone / 1_000_000, safe / 1_000_000);
                    victim.start();
                    victim.awaitReady();
                    observer.awaitSafeWith(3, Duration.ofMinutes(2));
                }
                load.close();
                report(
                        "during the kills: %d answers, %d connection failures at node-2, wrong answers: %s",
                        load.answeredInTotal(), load.connectionFailuresAt(1), load.wrongAnswers());
            }
        }
    }

    private record Population(TestPartner partner, List<Resident> residents) {}

    /** Answers counted after a warm-up of half the time (the JIT, the near caches, the pools). */
    private static double rate(List<ClusterNode> nodes, Population population, int seconds) throws Exception {
        try (AuthLoad load = new AuthLoad(nodes, population.partner(), population.residents(), WORKERS)) {
            TimeUnit.SECONDS.sleep(seconds / 2);
            int before = load.answeredInTotal();
            long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            int answered = load.answeredInTotal() - before;
            double elapsed = (System.nanoTime() - start) / 1e9;
            load.close();
            assertThat(load.wrongAnswers()).isEmpty();
            return answered / elapsed;
        }
    }

    /** A partner and 50 residents, through the first node's admin API. */
    private static Population populate(LocalCluster cluster) {
        ClusterNode first = cluster.nodes.get(0);
        TestPartner partner = TestPartner.create("measure-bank", false);
        JsonObject policy = AuthTestbed.policy("DEMO").put("requestsPerSecond", 100_000);
        Reply registered = cluster.adminPost(first, "/v1/partners", partner.registration(policy));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        partner.apiKey = registered.json().getString("apiKey");
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            JsonObject person = Residents.full(1000 + i);
            Reply enrolled = cluster.adminPost(
                    first,
                    "/v1/enrollments",
                    new JsonObject()
                            .put("registrationId", "reg-" + UUID.randomUUID())
                            .put("identity", person));
            assertThat(enrolled.json().getString("status")).as(enrolled.body()).isEqualTo("ISSUED");
            residents.add(new Resident(enrolled.json().getString("uin"), person.getString("dateOfBirth")));
        }
        return new Population(partner, residents);
    }

    private static void report(String format, Object... args) {
        System.out.println("MEASURED " + String.format(Locale.ROOT, format, args));
    }
}
