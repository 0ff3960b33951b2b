package org.civis.core.audit;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One thing to record: who did what to which subject (a UIN or registration id), with details
 * that name identifiers and codes only, never personal data.
 */
public record AuditEvent(String actor, AuditAction action, String subject, JsonObject details) {
    public AuditEvent {
        Objects.requireNonNull(action, "action");
        actor = requireText(actor, "actor");
        subject = requireText(subject, "subject");
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

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException(name + " must be 1..128 characters");
        }
        return value;
    }
}
