package org.civis.server.registry;

import java.time.Duration;
import java.util.Optional;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;
import org.civis.core.vid.VidRequest;
import org.civis.core.vid.VidType;
import org.civis.server.http.JsonBody;

/** A VID asked for over the admin or resident API: {@code {"type", "validitySeconds", "maxUses"}}. */
public final class VidRequestBody {
    private static final long MAX_VALIDITY_SECONDS = Duration.ofDays(366).toSeconds();

    private VidRequestBody() {}

    public static Result<VidRequest> read(JsonBody body) {
        body.allowOnly("type", "validitySeconds", "maxUses");
        Optional<VidType> type = body.enumValue("type", VidType.class, true);
        Optional<Duration> validity =
                body.integer("validitySeconds", 1, MAX_VALIDITY_SECONDS, false).map(Duration::ofSeconds);
        Optional<Integer> maxUses = body.integer("maxUses", 1, 1_000_000, false).map(Long::intValue);
        if (type.isPresent() && type.get() == VidType.PERPETUAL && (validity.isPresent() || maxUses.isPresent())) {
            body.add(
                    "type",
                    ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                    "a PERPETUAL VID takes no validity and no use limit");
        }
        if (type.isPresent() && type.get() == VidType.ONE_TIME && maxUses.isPresent()) {
            body.add("maxUses", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "a ONE_TIME VID is good for exactly one use");
        }
        return body.parsed(() -> new VidRequest(type.get(), validity, maxUses));
    }
}
