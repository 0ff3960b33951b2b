package org.civis.server.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.id.Uin;
import org.civis.core.identity.Identity;
import org.civis.core.lock.AuthLock;
import org.civis.core.lock.AuthType;
import org.civis.core.vid.VirtualId;

/** The JSON shapes of registry results on the admin API. */
public final class RegistryJson {
    private RegistryJson() {}

    public static JsonObject outcome(EnrollmentOutcome outcome) {
        JsonObject json = new JsonObject()
                .put("registrationId", outcome.registrationId().value())
                .put("status", outcome.status().name());
        outcome.uin().ifPresent(uin -> json.put("uin", uin.value()));
        json.put(
                "candidates",
                new JsonArray(outcome.candidates().stream().map(Uin::value).toList()));
        JsonArray fingerprintMatches = new JsonArray();
        outcome.biometricCandidates()
                .forEach(candidate -> fingerprintMatches.add(new JsonObject()
                        .put("uin", candidate.uin().value())
                        .put("score", Math.round(candidate.score() * 10) / 10.0)
                        .put("position", candidate.position().name())));
        json.put("fingerprintCandidates", fingerprintMatches);
        json.put("reasons", new JsonArray(outcome.reasons()));
        outcome.linkedUin().ifPresent(uin -> json.put("linkedUin", uin.value()));
        json.put("receivedAt", outcome.receivedAt().toString());
        outcome.decidedAt().ifPresent(at -> json.put("decidedAt", at.toString()));
        return json;
    }

    public static JsonObject identity(Identity identity) {
        return new JsonObject()
                .put("uin", identity.uin().value())
                .put("status", identity.status().name())
                .put("version", identity.version())
                .put("currentVersion", identity.currentVersion())
                .put("createdAt", identity.createdAt().toString())
                .put("updatedAt", identity.updatedAt().toString())
                .put("identity", identity.fields());
    }

    public static JsonObject vid(VirtualId vid, java.time.Instant now) {
        JsonObject json = new JsonObject()
                .put("vid", vid.vid().value())
                .put("uin", vid.uin().value())
                .put("type", vid.type().name())
                .put(
                        "status",
                        vid.refusalAt(now)
                                .map(r -> r.name().substring("VID_".length()))
                                .orElse("ACTIVE"))
                .put("createdAt", vid.createdAt().toString())
                .put("uses", vid.uses());
        vid.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
        vid.maxUses().ifPresent(n -> json.put("maxUses", n));
        return json;
    }

    public static JsonObject locks(Uin uin, Map<AuthType, AuthLock> locks, java.time.Instant now) {
        JsonObject states = new JsonObject();
        locks.forEach((type, lock) -> {
            JsonObject state = new JsonObject().put("locked", lock.locked()).put("lockedNow", lock.lockedAt(now));
            lock.unlockedUntil().ifPresent(until -> state.put("unlockedUntil", until.toString()));
            states.put(type.name().toLowerCase(java.util.Locale.ROOT), state);
        });
        return new JsonObject().put("uin", uin.value()).put("authTypes", states);
    }
}
