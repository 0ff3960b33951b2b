package org.civis.auth.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.request.PartnerRequest.AuthRequest;
import org.civis.auth.request.PartnerRequest.OtpRequest;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;

/**
 * Reads a verified request payload into a {@link PartnerRequest}, once: nothing behind the parser
 * looks at request JSON. The payload is read in place, never copied. Parts that are not there or
 * not well formed are kept as {@link Parsed.Invalid}, naming the field, as the API reports them.
 */
public final class RequestParser {
    private static final Set<ContactChannel> ALL_CHANNELS =
            Collections.unmodifiableSet(EnumSet.allOf(ContactChannel.class));
    // Tells an absent member from one sent as null, as JsonObject.getValue(key, default) does.
    private static final Object ABSENT = new Object();

    private final FactorDecryptor decryptor;

    public RequestParser(FactorDecryptor decryptor) {
        this.decryptor = decryptor;
    }

    /** The {@code transactionId}: 1..64 of letters, digits, '.', '_', ':' and '-'. */
    public static Parsed<TransactionId> transactionId(JsonObject payload) {
        return TransactionId.parse(payload.getValue("transactionId"))
                .<Parsed<TransactionId>>map(Parsed::of)
                .orElseGet(() -> Parsed.invalid(AuthError.REQUEST_INVALID, "transactionId"));
    }

    /** The {@code requestTime}, an ISO-8601 instant. */
    public static Parsed<Instant> requestTime(JsonObject payload) {
        try {
            return Parsed.of(Instant.parse(String.valueOf(payload.getValue("requestTime"))));
        } catch (DateTimeException e) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "requestTime");
        }
    }

    /** The rest of a request of this kind, whose transaction id and request time were read already. */
    public PartnerRequest parse(
            RequestKind kind, TransactionId transactionId, Instant requestTime, JsonObject payload) {
        return switch (kind) {
            case AUTH, KYC ->
                new AuthRequest(
                        kind,
                        transactionId,
                        requestTime,
                        individualId(payload),
                        RequestedFactors.read(payload.getValue("factors"), decryptor),
                        kind == RequestKind.KYC ? Optional.of(kyc(payload)) : Optional.empty());
            case OTP -> new OtpRequest(transactionId, requestTime, individualId(payload), channels(payload));
        };
    }

    /**
     * {@code individualId}, a UIN, or a VID when {@code individualIdType} says so. A missing or
     * malformed number is reported before an unknown type.
     */
    public static Parsed<IndividualId> individualId(JsonObject payload) {
        Object id = payload.getValue("individualId");
        Object type = payload.getValue("individualIdType", "UIN");
        if (!(id instanceof String number)) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "individualId");
        }
        if ("UIN".equals(type)) {
            return Uin.isWellFormed(number)
                    ? Parsed.of(new Uin(number))
                    : Parsed.invalid(AuthError.REQUEST_INVALID, "individualId");
        }
        if ("VID".equals(type)) {
            return Vid.isWellFormed(number)
                    ? Parsed.of(new Vid(number))
                    : Parsed.invalid(AuthError.REQUEST_INVALID, "individualId");
        }
        return Parsed.invalid(AuthError.REQUEST_INVALID, "individualIdType");
    }

    /** {@code channels} for a one-time password: a non-empty list of PHONE and EMAIL; both when absent. */
    public static Parsed<Set<ContactChannel>> channels(JsonObject payload) {
        Object value = payload.getValue("channels", ABSENT);
        if (value == ABSENT) {
            return Parsed.of(ALL_CHANNELS);
        }
        if (!(value instanceof JsonArray names) || names.isEmpty()) {
            return Parsed.invalid(AuthError.REQUEST_INVALID, "channels");
        }
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        for (Object name : names) {
            try {
                channels.add(ContactChannel.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                return Parsed.invalid(AuthError.REQUEST_INVALID, "channels");
            }
        }
        return Parsed.of(channels);
    }

    /** {@code consent} and {@code kycAttributes}: a list of attribute names when present. */
    private static KycAsk kyc(JsonObject payload) {
        boolean consent = Boolean.TRUE.equals(payload.getValue("consent"));
        Object asked = payload.getValue("kycAttributes");
        if (asked == null) {
            return new KycAsk(consent, Parsed.of(Optional.empty()));
        }
        if (!(asked instanceof JsonArray names)) {
            return new KycAsk(consent, Parsed.invalid(AuthError.REQUEST_INVALID, "kycAttributes"));
        }
        List<String> attributes = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (!(names.getValue(i) instanceof String attribute)) {
                return new KycAsk(consent, Parsed.invalid(AuthError.REQUEST_INVALID, "kycAttributes"));
            }
            attributes.add(attribute);
        }
        return new KycAsk(consent, Parsed.of(Optional.of(List.copyOf(attributes))));
    }
}
