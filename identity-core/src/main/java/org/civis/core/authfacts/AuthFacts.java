package org.civis.core.authfacts;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.lock.AuthLock;
import org.civis.core.lock.AuthType;
import org.civis.core.vid.VirtualId;

/**
 * One identity as authentication sees it. {@code revision} grows with every relevant change; the
 * data is at least as new as the revision it carries.
 */
public record AuthFacts(
        Uin uin,
        long revision,
        IdentityStatus status,
        JsonObject fields,
        Map<AuthType, AuthLock> locks,
        List<VirtualId> vids,
        List<EnrolledFingerprint> fingerprints) {

    public AuthFacts {
        fields = fields.copy();
        locks = Map.copyOf(locks);
        vids = List.copyOf(vids);
        fingerprints = List.copyOf(fingerprints);
    }

    @Override
    public JsonObject fields() {
        return fields.copy();
    }

    @Override
    public String toString() {
        return "AuthFacts[uin=" + uin + ", revision=" + revision + ", status=" + status + "]";
    }
}
