package org.civis.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private static final String DEMO = "demo:name-dob-gender";
    private static final String PHONE = "phone";

    private final SecretKey key = hmacKey((byte) 1);
    private final BlindIndex index = new BlindIndex(key);

    @Test
    void sameKeyDomainAndValueGiveTheSameDigest() {
        byte[] first = index.digest(PHONE, "+2348031234567");
        byte[] again = new BlindIndex(hmacKey((byte) 1)).digest(PHONE, "+2348031234567");

        assertThat(first).hasSize(32).isEqualTo(again);
    }

    @Test
    void digestIsHmacSha256OverDomainNulValue() throws Exception {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(PHONE.getBytes(StandardCharsets.UTF_8));
        message.write(0);
        message.writeBytes("+2348031234567".getBytes(StandardCharsets.UTF_8));
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(key);

        assertThat(index.digest(PHONE, "+2348031234567")).isEqualTo(reference.doFinal(message.toByteArray()));
    }

    @Test
    void equalValuesInDifferentDomainsGiveDifferentDigests() {
        assertThat(index.digest(DEMO, "2348031234567")).isNotEqualTo(index.digest(PHONE, "2348031234567"));
    }

    @Test
    void movingCharactersAcrossTheDomainBoundaryChangesTheDigest() {
        assertThat(index.digest("ab", "c")).isNotEqualTo(index.digest("a", "bc"));
    }

    @Test
    void differentKeysGiveDifferentDigests() {
        BlindIndex otherKey = new BlindIndex(hmacKey((byte) 2));

        assertThat(otherKey.digest(PHONE, "+2348031234567")).isNotEqualTo(index.digest(PHONE, "+2348031234567"));
    }

    @Test
    void rejectsEmptyDomainsAndDomainsContainingNul() {
        assertThatThrownBy(() -> index.digest("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.digest("pho\0ne", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentUseGivesTheSameDigestsAsSequentialUse() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("amina okafor|1990-04-" + (i % 28 + 1) + "|f|" + i);
        }
        List<byte[]> expected = new ArrayList<>();
        for (String value : values) {
            expected.add(index.digest(DEMO, value));
        }

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<byte[]>> task = () -> {
                    start.await();
                    List<byte[]> digests = new ArrayList<>();
                    for (String value : values) {
                        digests.add(index.digest(DEMO, value));
                    }
                    return digests;
                };
                results.add(pool.submit(task));
            }
            start.countDown();

            for (Future<List<byte[]>> result : results) {
                List<byte[]> digests = result.get(1, TimeUnit.MINUTES);
                assertThat(digests).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(digests.get(i)).as("value %d", i).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static SecretKey hmacKey(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
