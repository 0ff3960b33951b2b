package org.civis.server.registry;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.core.lock.AuthType;
import org.civis.core.lock.LockChange;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;
import org.civis.server.http.JsonBody;

/**
 * A lock or unlock asked for over the admin or resident API:
 * {@code {"authTypes": ["demo", "otp", "bio" or "all"], "locked": bool, "unlockForSeconds": n}}.
 */
public final class LockChangeBody {

    private LockChangeBody() {}

    public static Result<LockChange> read(JsonBody body) {
        body.allowOnly("authTypes", "locked", "unlockForSeconds");
        Set<AuthType> types = EnumSet.noneOf(AuthType.class);
        body.strings("authTypes", true).orElse(List.of()).forEach(name -> {
            try {
                types.addAll(AuthType.parse(name));
            } catch (IllegalArgumentException e) {
                body.add("authTypes", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "each must be demo, otp, bio or all");
            }
        });
        Optional<Boolean> locked = body.bool("locked", true);
        Optional<Duration> openFor = body.integer(
                        "unlockForSeconds", 1, Duration.ofDays(366).toSeconds(), false)
                .map(Duration::ofSeconds);
        if (openFor.isPresent() && locked.orElse(false)) {
            body.add("unlockForSeconds", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "goes with \"locked\": false only");
        }
        if (types.isEmpty()) {
            body.add("authTypes", ViolationCode.FIELD_EMPTY, "name at least one auth type");
        }
        return body.parsed(() -> new LockChange(types, locked.get(), openFor));
    }
}
