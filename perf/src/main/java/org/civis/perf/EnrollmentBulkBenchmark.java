package org.civis.perf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends N demographic-only enrollments to a running server's admin API at a fixed concurrency and
 * reports enrollments per second, latency percentiles and the outcome counts.
 *
 * <pre>OPERATOR_TOKEN=$(./civis operator-token --role registrar --minutes 120) \
 *   java -cp perf/target/classes org.civis.perf.EnrollmentBulkBenchmark [adminUrl] [count] [concurrency]</pre>
 *
 * <p>{@code OPERATOR_TOKEN} is an admin API token with the role registrar.
 */
public final class EnrollmentBulkBenchmark {
    private static final String[] GIVEN = {
        "Amara",
        "Chidi",
        "Wanjiru",
        "José",
        "Nadia",
        "Ravi",
        "Li",
        "Fatou",
        "Oluwaseun",
        "Ana",
        "Mehmet",
        "Thandiwe",
        "Kofi",
        "Aisha",
        "Tomás",
        "Priya",
        "Yusuf",
        "Grace",
        "Dmitri",
        "Siosaia"
    };
    private static final String[] FAMILY = {
        "Okafor",
        "Kamau",
        "García",
        "Haddad",
        "Iyer",
        "Wei",
        "Diop",
        "Adeyemi",
        "Silva",
        "Yılmaz",
        "Nkosi",
        "Mensah",
        "Rahman",
        "Ferreira",
        "Sharma",
        "Ibrahim",
        "Mwangi",
        "Petrov",
        "Tupou",
        "Otieno"
    };

    private EnrollmentBulkBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[count];
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        SplittableRandom random = new SplittableRandom(); // a new population each run

        String authorization = OperatorToken.authorization();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/enrollments"))
                    .header("content-type", "application/json")
                    .header("authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(packet("bench-" + run + "-" + n, random)))
                    .build();
            long sent = System.nanoTime();
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        latencies[n] = System.nanoTime() - sent;
                        String key = error != null
                                ? "transport error"
                                : response.statusCode() + " " + status(response.body());
                        outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        inFlight.release();
                    });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;

        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "%d enrollments, concurrency %d: %.1f s, %.0f enrollments/s%n",
                count,
                concurrency,
                seconds,
                count / seconds);
        System.out.printf(
                Locale.ROOT,
                "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(latencies, 50),
                percentile(latencies, 95),
                percentile(latencies, 99),
                latencies[count - 1] / 1e6);
        System.out.println("outcomes: " + new TreeMap<>(outcomes));
    }

    private static String packet(String registrationId, SplittableRandom random) {
        String name = GIVEN[random.nextInt(GIVEN.length)] + " " + GIVEN[random.nextInt(GIVEN.length)] + " "
                + FAMILY[random.nextInt(FAMILY.length)];
        String dateOfBirth = String.format(
                Locale.ROOT,
                "%04d-%02d-%02d",
                1940 + random.nextInt(66),
                1 + random.nextInt(12),
                1 + random.nextInt(28));
        String gender = random.nextBoolean() ? "female" : "male";
        String phone = "+2547" + (10_000_000 + random.nextInt(89_999_999));
        return "{\"registrationId\":\"" + registrationId + "\",\"identity\":{\"fullName\":{\"eng\":\"" + name
                + "\"},\"dateOfBirth\":\"" + dateOfBirth + "\",\"gender\":\"" + gender + "\",\"phone\":\"" + phone
                + "\"}}";
    }

    private static String status(String body) {
        int at = body.indexOf("\"status\":\"");
        return at < 0 ? "error" : body.substring(at + 10, body.indexOf('"', at + 10));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
