package org.civis.server.operator;

import java.util.Optional;

/**
 * What an operator may do on the admin API. The wire names are the role names configured at the
 * identity provider (Keycloak realm roles, Entra app roles); a token's roles that name none of these
 * are ignored.
 */
public enum OperatorRole {
    /** Enrolls residents. */
    REGISTRAR("registrar"),
    /** Decides enrollments held as suspected duplicates. */
    ADJUDICATOR("adjudicator"),
    /** Identity lifecycle, locks, VIDs, and reads of personal data. */
    IDENTITY_ADMIN("identity-admin"),
    /** Partners, their policies and keys. */
    PARTNER_ADMIN("partner-admin"),
    /** Credentials, cards and the issuer's keys. */
    ISSUER_ADMIN("issuer-admin"),
    /** Verifies the audit log; reads nothing else. */
    AUDITOR("auditor");

    private final String wireName;

    OperatorRole(String wireName) {
        this.wireName = wireName;
    }

    /** The name in tokens, configuration and documentation. */
    public String wireName() {
        return wireName;
    }

    /** The role a token names, if it is one of ours (exact, case-sensitive, as IdPs compare roles). */
    public static Optional<OperatorRole> byWireName(String name) {
        for (OperatorRole role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
