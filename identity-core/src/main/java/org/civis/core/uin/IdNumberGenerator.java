package org.civis.core.uin;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Draws random ID numbers (UINs, VIDs) that satisfy a set of {@link NumberRules}.
 *
 * <p>Each number is an independent, uniformly random {@link SecureRandom} draw, so knowing other
 * issued numbers (neighbours in time or value) tells an attacker nothing about the next one; there
 * is no counter or sequence to reverse.
 *
 * <p>Uniqueness is not this class's job: two calls may return the same number. The storage layer
 * inserts with the number as primary key and asks for a new one on conflict.
 *
 * <p>Thread-safe: the only shared state is the {@code SecureRandom}, which is itself thread-safe.
 */
public final class IdNumberGenerator {

    /**
     * Consecutive rejections after which the rules are declared unsatisfiable. The default rules
     * accept a large share of candidates, so reaching this means misconfiguration, not bad luck.
     */
    static final int MAX_ATTEMPTS = 10_000;

    private final NumberRules rules;
    private final NumberFilter filter;
    private final SecureRandom random;

    public IdNumberGenerator(NumberRules rules, SecureRandom random) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.random = Objects.requireNonNull(random, "random");
        this.filter = new NumberFilter(rules);
    }

    /**
     * Returns a fresh number of {@code rules.length()} digits whose last digit is its Verhoeff check digit.
     *
     * @throws IllegalStateException if the rules turn down 10,000 candidates in a row
     */
    public String next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String candidate = drawCandidate();
            if (filter.accepts(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("number rules reject every candidate");
    }

    private String drawCandidate() {
        StringBuilder number = new StringBuilder(rules.length());
        // Drawing the first digit from 2..9 directly, rather than rejecting 0 and 1 afterwards,
        // keeps the body uniform over all allowed values without wasting draws.
        number.append((char) ('2' + random.nextInt(8)));
        for (int i = 1; i < rules.length() - 1; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        number.append((char) ('0' + Verhoeff.checkDigit(number)));
        return number.toString();
    }
}
