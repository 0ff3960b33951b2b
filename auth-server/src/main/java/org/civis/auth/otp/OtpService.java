package org.civis.auth.otp;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.CountInWindow;
import org.civis.auth.cluster.VertxFutures;
import org.civis.auth.jose.OtpCodes;
import org.civis.core.id.Uin;

/**
 * Issues and checks one-time passwords. A code is bound to the identity and to who asked for it
 * (a partner, or the resident portal): another partner cannot use it. The newest code replaces
 * the earlier one. It is kept only as an HMAC digest, expires, allows a few attempts (each its own
 * signed request with its own transaction id), and works once.
 */
public final class OtpService {
    // Entries outlive their expiry a while, so a late attempt hears "expired" rather than "never requested".
    private static final Duration GRACE = Duration.ofMinutes(30);

    /** How codes behave: lifetime, attempts per code, and how many codes an identity may get per window. */
    public record Settings(Duration ttl, int attempts, int maxRequests, Duration requestWindow) {}

    /** Whether a code went out, and to which (masked) contacts. */
    public record Issued(Status status, List<String> maskedContacts) {
        public enum Status {
            SENT,
            OTP_RATE_LIMITED,
            OTP_NO_CONTACT
        }
    }

    private final IMap<String, PendingOtp> pending;
    private final IMap<String, Integer> rates;
    private final OtpCodes codes;
    private final NotificationChannel channel;
    private final Settings settings;
    private final Clock clock;

    public OtpService(
            HazelcastInstance hazelcast, OtpCodes codes, NotificationChannel channel, Settings settings, Clock clock) {
        this.pending = hazelcast.getMap(ClusterMaps.OTPS);
        this.rates = hazelcast.getMap(ClusterMaps.RATES);
        this.codes = codes;
        this.channel = channel;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends a fresh code to the chosen enrolled contacts; it replaces an earlier one for the same
     * identity and requester.
     */
    public Future<Issued> issue(Uin uin, String requester, Contacts contacts, Set<ContactChannel> channels) {
        List<OtpMessage> messages = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        String code = codes.newCode();
        String text = "Your Civis one-time code is " + code + ". It expires in "
                + settings.ttl().toMinutes() + " minutes. Never share it.";
        if (channels.contains(ContactChannel.PHONE)) {
            contacts.phone().ifPresent(phone -> {
                messages.add(new OtpMessage(ContactChannel.PHONE, phone, text));
                masked.add(Contacts.maskPhone(phone));
            });
        }
        if (channels.contains(ContactChannel.EMAIL)) {
            contacts.email().ifPresent(email -> {
                messages.add(new OtpMessage(ContactChannel.EMAIL, email, text));
                masked.add(Contacts.maskEmail(email));
            });
        }
        if (messages.isEmpty()) {
            return Future.succeededFuture(new Issued(Issued.Status.OTP_NO_CONTACT, List.of()));
        }
        long now = clock.millis();
        long window = settings.requestWindow().toMillis();
        // One budget per requester and identity: the resident portal, open to anyone, cannot use up
        // a partner's budget for a resident, nor one partner another's.
        String counter = CountInWindow.key("otp|" + key(uin, requester), now, window);
        return VertxFutures.of(rates.submitToKey(counter, CountInWindow.one(settings.maxRequests(), window)))
                .compose(counted -> {
                    if (counted == 0) {
                        return Future.succeededFuture(new Issued(Issued.Status.OTP_RATE_LIMITED, List.of()));
                    }
                    String key = key(uin, requester);
                    PendingOtp entry = new PendingOtp(
                            codes.digest(key, code), now + settings.ttl().toMillis(), settings.attempts());
                    long keepFor = settings.ttl().plus(GRACE).toMillis();
                    return VertxFutures.of(pending.setAsync(key, entry, keepFor, TimeUnit.MILLISECONDS))
                            .compose(v -> Future.all(
                                    messages.stream().map(channel::send).toList()))
                            .map(v -> new Issued(Issued.Status.SENT, List.copyOf(masked)));
                });
    }

    /** Checks a presented code; a malformed code counts as a wrong one. */
    public Future<OtpCheck> check(Uin uin, String requester, String presented) {
        String key = key(uin, requester);
        String code = presented == null ? "" : presented;
        return VertxFutures.of(pending.submitToKey(key, new CheckOtp(codes.digest(key, code), clock.millis())));
    }

    private static String key(Uin uin, String requester) {
        return requester + "|" + uin.value();
    }
}
