package org.civis.core.uin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.junit.jupiter.api.Test;

class IdNumberGeneratorTest {

    private static final int SAMPLE_SIZE = 20_000;

    @Test
    void twentyThousandDefaultUinsAreValidUinsThatPassTheFilter() {
        NumberRules rules = NumberRules.uinDefaults();
        NumberFilter filter = new NumberFilter(rules);
        IdNumberGenerator generator = new IdNumberGenerator(rules, new SecureRandom());

        List<String> numbers = generate(generator, SAMPLE_SIZE);

        assertThat(numbers).allSatisfy(number -> {
            assertThat(number).hasSize(10);
            assertThat(Uin.isWellFormed(number)).as(number).isTrue();
            assertThat(filter.check(number)).as(number).isEmpty();
        });
    }

    @Test
    void defaultUinsRepeatNoMoreThanTheBirthdayBoundAllows() {
        // About 5e8 ten-digit numbers pass the default rules (8e8 bodies, ~62% accepted), so 20,000
        // independent draws are expected to contain ~0.4 colliding pairs: a handful of repeats is chance,
        // not a fault. Ten or more happens with probability below 1e-10 and would point at a broken source.
        IdNumberGenerator generator = new IdNumberGenerator(NumberRules.uinDefaults(), new SecureRandom());

        List<String> numbers = generate(generator, SAMPLE_SIZE);

        assertThat(numbers.size() - new HashSet<>(numbers).size()).isLessThan(10);
    }

    @Test
    void twentyThousandLongerNumbersHaveNoDuplicates() {
        // With 14 digits the expected number of colliding pairs among 20,000 draws is ~1e-4,
        // so any duplicate here means the draws are not independent.
        NumberRules rules = NumberRules.defaults(14);
        IdNumberGenerator generator = new IdNumberGenerator(rules, new SecureRandom());

        List<String> numbers = generate(generator, SAMPLE_SIZE);

        assertThat(new HashSet<>(numbers)).hasSize(SAMPLE_SIZE);
        assertThat(numbers).allSatisfy(number -> assertThat(number).hasSize(14));
    }

    @Test
    void sixteenDigitVidGeneratorProducesValidVids() {
        NumberRules rules = NumberRules.vidDefaults();
        NumberFilter filter = new NumberFilter(rules);
        IdNumberGenerator generator = new IdNumberGenerator(rules, new SecureRandom());

        List<String> numbers = generate(generator, 2_000);

        assertThat(numbers).allSatisfy(number -> {
            assertThat(number).hasSize(16);
            assertThat(Vid.isWellFormed(number)).as(number).isTrue();
            assertThat(filter.accepts(number)).as(number).isTrue();
        });
        assertThat(new HashSet<>(numbers)).hasSize(numbers.size());
    }

    @Test
    void leadingDigitCoversTwoToNine() {
        IdNumberGenerator generator = new IdNumberGenerator(NumberRules.uinDefaults(), new SecureRandom());

        Map<Character, Integer> leadingDigits = new HashMap<>();
        for (String number : generate(generator, SAMPLE_SIZE)) {
            leadingDigits.merge(number.charAt(0), 1, Integer::sum);
        }

        assertThat(leadingDigits).containsOnlyKeys('2', '3', '4', '5', '6', '7', '8', '9');
        // Each digit expects ~2,500 of 20,000; 1,000 is far outside chance and catches a skewed draw.
        assertThat(leadingDigits.values()).allSatisfy(count -> assertThat(count).isGreaterThan(1_000));
    }

    @Test
    void impossibleRulesThrowInsteadOfLoopingForever() {
        Set<String> everyDigit = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        NumberRules impossible = new NumberRules(10, 3, 3, 2, everyDigit);
        IdNumberGenerator generator = new IdNumberGenerator(impossible, new SecureRandom());

        assertThatIllegalStateException()
                .isThrownBy(generator::next)
                .withMessage("number rules reject every candidate");
    }

    @Test
    void concurrentCallersAllGetValidNumbers() throws Exception {
        NumberRules rules = NumberRules.uinDefaults();
        NumberFilter filter = new NumberFilter(rules);
        IdNumberGenerator generator = new IdNumberGenerator(rules, new SecureRandom());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> batches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batches.add(pool.submit(() -> generate(generator, 2_000)));
            }
            for (Future<List<String>> batch : batches) {
                assertThat(batch.get()).hasSize(2_000).allSatisfy(number -> assertThat(filter.accepts(number))
                        .isTrue());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> generate(IdNumberGenerator generator, int count) {
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(generator.next());
        }
        return numbers;
    }
}
