package org.civis.perf;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed partner authentication under load against a running server: registers a partner,
 * enrolls residents, pre-signs every request (so the client's signing is not in the timed phase),
 * then sends them at a fixed concurrency and reports requests/s, latency percentiles and how many
 * answers were yes. Mode {@code demo} checks name and date of birth; mode {@code otp} asks one code
 * per resident, reads it from the development outbox in the data directory, and times only the
 * verifications.
 *
 * <pre>OPERATOR_TOKEN=$(./civis operator-token --role registrar partner-admin --minutes 120) \
 *   java -cp "perf/target/classes:perf/target/lib/*" org.civis.perf.AuthLoadBenchmark \
 *     demo|otp adminUrl publicUrl dataDir residents requests concurrency</pre>
 *
 * <p>{@code OPERATOR_TOKEN} is an admin API token with the roles registrar and partner-admin.
 */
public final class AuthLoadBenchmark {
    private static final Pattern UIN = Pattern.compile("\"uin\":\"(\\d+)\"");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\":\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String admin;
    private final Map<String, String> adminHeaders = Map.of("authorization", OperatorToken.authorization());
    private final String publicApi;
    private final OctetKeyPair key;
    private final String partner;
    private String apiKey;

    private AuthLoadBenchmark(String admin, String publicApi) throws Exception {
        this.admin = admin;
        this.publicApi = publicApi;
        this.key = new OctetKeyPairGenerator(Curve.Ed25519)
                .keyIDFromThumbprint(true)
                .generate();
        this.partner = "perf-" + Long.toString(System.currentTimeMillis(), 36);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        AuthLoadBenchmark bench = new AuthLoadBenchmark(args[1], args[2]);
        Path dataDir = Path.of(args[3]);
        int residents = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);

        bench.registerPartner();
        List<String[]> people = bench.enroll(residents, 32);
        System.out.printf("enrolled %d residents%n", people.size());
        if (mode.equals("demo")) {
            bench.run(
                    "warm-up",
                    Math.min(requests, 20_000),
                    concurrency,
                    i -> bench.demoRequest(people.get(i % people.size())));
            bench.run(
                    "signed demographic auth",
                    requests,
                    concurrency,
                    i -> bench.demoRequest(people.get(i % people.size())));
        } else {
            bench.run("OTP requests", people.size(), concurrency, i -> bench.otpRequest(people.get(i)));
            Map<String, String> codes = bench.codes(dataDir.resolve("outbox").resolve("otp.jsonl"));
            bench.run("OTP verify", people.size(), concurrency, i -> bench.otpVerify(people.get(i), codes));
        }
    }

    private void registerPartner() throws Exception {
        String body = "{\"partnerId\":\"" + partner + "\",\"name\":\"Load test bank\",\"signingKeys\":["
                + key.toPublicJWK().toJSONString() + "],\"policy\":{\"authTypes\":[\"DEMO\",\"OTP\"],"
                + "\"requestsPerSecond\":1000000}}";
        String answer = post(admin + "/v1/partners", body, "application/json", adminHeaders)
                .body();
        Matcher m = API_KEY.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("partner not registered: " + answer);
        }
        apiKey = m.group(1);
    }

    /** Enrolls residents and returns {uin, name, dateOfBirth, phone} for each. */
    private List<String[]> enroll(int count, int concurrency) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<String[]> people = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "Perf Resident " + run + " " + Integer.toString(i, 36);
            String dob = String.format(Locale.ROOT, "19%02d-%02d-%02d", 50 + i % 50, 1 + i % 12, 1 + i % 28);
            String phone = String.format(Locale.ROOT, "+2547%08d", i);
            String body = "{\"registrationId\":\"perf-" + run + "-" + i + "\",\"identity\":{\"fullName\":{\"eng\":\""
                    + name + "\"},\"dateOfBirth\":\"" + dob + "\",\"gender\":\"female\",\"phone\":\"" + phone + "\"}}";
            inFlight.acquire();
            all.add(client.sendAsync(
                            request(admin + "/v1/enrollments", body, "application/json", adminHeaders),
                            HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        Matcher m = UIN.matcher(r.body());
                        if (m.find()) {
                            people.add(new String[] {m.group(1), name, dob, phone});
                        }
                    })
                    .whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return new ArrayList<>(people);
    }

    private String demoRequest(String[] person) {
        return sign("{\"transactionId\":\"" + txn() + "\",\"requestTime\":\"" + Instant.now() + "\",\"individualId\":\""
                + person[0] + "\",\"factors\":{\"demographics\":{\"fullName\":{\"eng\":\"" + person[1]
                + "\"},\"dateOfBirth\":\"" + person[2] + "\"}}}");
    }

    private String otpRequest(String[] person) {
        return sign("{\"transactionId\":\"" + txn() + "\",\"requestTime\":\"" + Instant.now() + "\",\"individualId\":\""
                + person[0] + "\",\"channels\":[\"PHONE\"]}");
    }

    private String otpVerify(String[] person, Map<String, String> codes) {
        return sign("{\"transactionId\":\"" + txn() + "\",\"requestTime\":\"" + Instant.now() + "\",\"individualId\":\""
                + person[0] + "\",\"factors\":{\"otp\":\"" + codes.get(person[3]) + "\"}}");
    }

    private Map<String, String> codes(Path outbox) throws Exception {
        Pattern to = Pattern.compile("\"to\":\"([^\"]+)\"");
        Pattern code = Pattern.compile("code is (\\d{6})");
        Map<String, String> codes = new HashMap<>();
        for (String line : Files.readAllLines(outbox)) {
            Matcher t = to.matcher(line);
            Matcher c = code.matcher(line);
            if (t.find() && c.find()) {
                codes.put(t.group(1), c.group(1));
            }
        }
        return codes;
    }

    private final AtomicInteger sequence = new AtomicInteger();

    private String txn() {
        return partner + "-" + sequence.incrementAndGet();
    }

    private String sign(String payload) {
        try {
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                            .keyID(key.getKeyID())
                            .build(),
                    new Payload(payload));
            jws.sign(new Ed25519Signer(key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(String label, int count, int concurrency, IntFunction<String> signed) throws Exception {
        String path = label.startsWith("OTP requests") ? "/v1/otp" : "/v1/auth";
        String[] bodies = new String[count];
        for (int i = 0; i < count; i++) {
            bodies[i] = signed.apply(i);
        }
        long[] latencies = new long[count];
        AtomicInteger yes = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            inFlight.acquire();
            long sent = System.nanoTime();
            all.add(client.sendAsync(
                            request(
                                    publicApi + path,
                                    bodies[i],
                                    "application/jose",
                                    Map.of("authorization", "Bearer " + apiKey)),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        latencies[n] = System.nanoTime() - sent;
                        inFlight.release();
                        if (e != null || r.statusCode() != 200) {
                            failed.incrementAndGet();
                        } else if (payload(r.body()).contains("\"authenticated\":true")
                                || payload(r.body()).contains("\"sent\":true")) {
                            yes.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests at %d concurrent in %.1f s = %.0f req/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; yes %d, failed %d%n",
                label,
                count,
                concurrency,
                seconds,
                count / seconds,
                ms(latencies, 0.50),
                ms(latencies, 0.95),
                ms(latencies, 0.99),
                yes.get(),
                failed.get());
    }

    private static String payload(String jws) {
        String[] parts = jws.split("\\.");
        return parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private HttpResponse<String> post(String url, String body, String type, Map<String, String> headers)
            throws Exception {
        return client.send(request(url, body, type, headers), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url, String body, String type, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }
}
