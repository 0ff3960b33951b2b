package org.civis.server.operator;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated operator: the token's subject as named by its issuer, and the roles the token
 * grants that Civis knows. The subject alone is not an identity (two IdPs may both have a subject
 * "alice"), so the audit log records both.
 */
public record Operator(String subject, String issuer, Set<OperatorRole> roles) {
    private static final int MAX_LENGTH = 255;

    public Operator {
        requireText(subject, "subject");
        requireText(issuer, "issuer");
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyOf(Set<OperatorRole> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }

    /** Who acted, as the audit log records it: the subject and, in parentheses, its issuer. */
    public String actor() {
        return subject + " (" + issuer + ")";
    }

    /**
     * The IdP is trusted to name its users, not to be tidy: a subject is bounded and free of
     * control characters so it cannot forge a line in a log or the audit trail.
     */
    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "an operator " + name + " is 1.." + MAX_LENGTH + " characters without control characters");
        }
    }
}
