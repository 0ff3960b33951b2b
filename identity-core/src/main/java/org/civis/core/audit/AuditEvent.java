package org.civis.core.audit;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One thing to record: who did what to which subject (a UIN or registration id), with details
 * that name identifiers and codes only, never personal data.
 */
public record AuditEvent(String actor, AuditAction action, String subject, JsonObject details) {
    /** Room for an operator token's subject and issuer, 255 characters each, as "subject (issuer)". */
    static final int MAX_ACTOR = 520;

    static final int MAX_SUBJECT = 128;

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        actor = requireText(actor, "actor", MAX_ACTOR);
        subject = requireText(subject, "subject", MAX_SUBJECT);
        details = details == null ? new JsonObject() : details.copy();
    }

    public static AuditEvent of(String actor, AuditAction action, String subject) {
        return new AuditEvent(actor, action, subject, new JsonObject());
    }

    /** An event about an identity; the subject is the UIN itself, which the audit trail is searched by. */
    public static AuditEvent of(String actor, AuditAction action, org.civis.core.id.Uin subject) {
        return of(actor, action, subject.value());
    }

    public AuditEvent with(String key, Object value) {
        return new AuditEvent(actor, action, subject, details.copy().put(key, value));
    }

    private static String requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
        }
        return value;
    }
}
