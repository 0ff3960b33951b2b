package org.civis.server.cluster;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.TestPartner;

/**
 * Relying parties behind a round-robin load balancer: a few workers, each sending signed
 * demographic authentications (fresh transaction id, correct birth date) to the nodes in turn.
 * It counts what each node answered, and keeps apart what a node did not answer at all (the
 * connection failed) from answers other than 200, which a healthy cluster never gives here.
 */
final class AuthLoad implements AutoCloseable {
    static final String PREFIX = "load-";

    private final List<ClusterNode> nodes;
    private final TestPartner partner;
    private final List<Resident> residents;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicIntegerArray answeredBy;
    private final AtomicIntegerArray connectionFailuresAt;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Set<String> notAnswered = ConcurrentHashMap.newKeySet();
    private final Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();

    /** A resident the load authenticates: the UIN and the birth date that matches it. */
    record Resident(String uin, String dateOfBirth) {}

    AuthLoad(List<ClusterNode> nodes, TestPartner partner, List<Resident> residents, int workerCount) {
        this.nodes = List.copyOf(nodes);
        this.partner = partner;
        this.residents = List.copyOf(residents);
        this.answeredBy = new AtomicIntegerArray(nodes.size());
        this.connectionFailuresAt = new AtomicIntegerArray(nodes.size());
        for (int w = 0; w < workerCount; w++) {
            Thread worker = new Thread(this::sendUntilStopped, "auth-load-" + w);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    private void sendUntilStopped() {
        while (running.get()) {
            int node = Math.floorMod(turn.getAndIncrement(), nodes.size());
            Resident resident = residents.get(ThreadLocalRandom.current().nextInt(residents.size()));
            String transactionId = PREFIX + UUID.randomUUID();
            String jws = partner.sign(new JsonObject()
                    .put("transactionId", transactionId)
                    .put("requestTime", Instant.now().toString())
                    .put("individualId", resident.uin())
                    .put(
                            "factors",
                            new JsonObject()
                                    .put("demographics", new JsonObject().put("dateOfBirth", resident.dateOfBirth()))));
            Reply reply;
            try {
                reply = nodes.get(node)
                        .publicApi
                        .send(
                                "POST",
                                "/v1/auth",
                                jws,
                                "application/jose",
                                Map.of("authorization", "Bearer " + partner.apiKey));
            } catch (IllegalStateException connectionFailed) {
                connectionFailuresAt.incrementAndGet(node);
                notAnswered.add(transactionId);
                pause(); // a node that is down refuses at once: do not spin
                continue;
            }
            if (reply.status() == 200) {
                answered.add(transactionId);
                answeredBy.incrementAndGet(node);
            } else {
                wrongAnswers.add(nodes.get(node).name + ": " + reply.status() + " "
                        + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls until {@code node} has answered {@code more} requests beyond {@code since}; two minutes at most. */
    void awaitAnswersFrom(int node, int since, int more) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (answeredBy.get(node) < since + more) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(nodes.get(node).name + " answered only " + (answeredBy.get(node) - since)
                        + " of " + more + " requests; wrong answers: " + wrongAnswers);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    int answeredBy(int node) {
        return answeredBy.get(node);
    }

    int connectionFailuresAt(int node) {
        return connectionFailuresAt.get(node);
    }

    int answeredInTotal() {
        return answered.size();
    }

    /** Transaction ids answered 200 (signed answers, each recorded before it was sent). */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** Transaction ids whose connection failed: the node may or may not have handled them before it died. */
    Set<String> notAnswered() {
        return Set.copyOf(notAnswered);
    }

    List<String> wrongAnswers() {
        return List.copyOf(wrongAnswers);
    }

    /** Stops the workers after their request in flight. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
