package org.civis.auth.otp;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.CountInWindow;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.cluster.VertxFutures;
import org.civis.core.id.Uin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and checks one-time passwords. A code is bound to the identity and to who asked for it
 * (a partner, or the resident portal): another partner cannot use it. The newest code replaces
 * the earlier one. It is kept only as an HMAC digest, expires, allows a few attempts (each its own
 * signed request with its own transaction id), and works once.
 *
 * <p>The cluster is not trusted with the code's state: the entry carries a tag over its digest and
 * expiry under a key outside the cluster ({@link EntryMac}), checked before an outcome is believed,
 * so a member cannot plant a code of its choosing or stretch one; and each node remembers the
 * attempts it counted ({@link AttemptFloors}), so a reset of the attempts is refused there.
 */
public final class OtpService {
    private static final Logger LOG = LoggerFactory.getLogger(OtpService.class);
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
    private final EntryMac mac;
    private final AttemptFloors floors = new AttemptFloors();

    public OtpService(
            HazelcastInstance hazelcast,
            OtpCodes codes,
            NotificationChannel channel,
            Settings settings,
            Clock clock,
            EntryMac mac) {
        this.pending = hazelcast.getMap(ClusterMaps.OTPS);
        this.rates = hazelcast.getMap(ClusterMaps.RATES);
        this.codes = codes;
        this.channel = channel;
        this.settings = settings;
        this.clock = clock;
        this.mac = mac;
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
                    byte[] digest = codes.digest(key, code);
                    long expiresAt = now + settings.ttl().toMillis();
                    PendingOtp entry = new PendingOtp(
                            digest,
                            expiresAt,
                            settings.attempts(),
                            tag(key, digest, expiresAt).tag());
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
        return VertxFutures.of(pending.submitToKey(
                        key, new CheckOtp(codes.digest(key, code), clock.millis(), settings.attempts())))
                .map(checked -> trusted(key, checked));
    }

    /** The outcome, if the entry it was decided on is one this cluster issued and was not reset. */
    private OtpCheck trusted(String key, CheckedOtp checked) {
        PendingOtp seen = checked.seen();
        if (seen == null) {
            return checked.outcome();
        }
        if (!tag(key, seen.digest(), seen.expiresAtMillis()).matches(seen.tag())) {
            LOG.warn("a one-time code in the cluster failed authentication and was refused");
            return OtpCheck.OTP_NOT_REQUESTED;
        }
        String issued = key + "|" + HexFormat.of().formatHex(seen.tag());
        if (floors.wasReset(issued, seen.attemptsLeft())) {
            LOG.warn("a one-time code in the cluster had its attempts reset and was refused");
            return OtpCheck.OTP_LOCKED;
        }
        switch (checked.outcome()) {
            case VALID -> floors.lower(issued, 0); // used: the same entry put back is not a code
            case OTP_INVALID, OTP_LOCKED -> floors.lower(issued, Math.max(0, seen.attemptsLeft() - 1));
            case OTP_EXPIRED, OTP_NOT_REQUESTED -> {}
        }
        return checked.outcome();
    }

    private EntryMac.Tag tag(String key, byte[] digest, long expiresAtMillis) {
        return mac.of(ClusterMaps.OTPS, key).add(digest).add(expiresAtMillis);
    }

    private static String key(Uin uin, String requester) {
        return requester + "|" + uin.value();
    }
}
