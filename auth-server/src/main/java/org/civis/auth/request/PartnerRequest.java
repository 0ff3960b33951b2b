package org.civis.auth.request;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.otp.ContactChannel;
import org.civis.auth.refusal.Parsed;
import org.civis.auth.transaction.TransactionId;
import org.civis.core.id.IndividualId;

/**
 * One partner request as the parser read it, once. The transaction id and request time are valid
 * (the parser refuses a request without them); every other part keeps its own verdict, reported
 * where the decision's rules put it.
 */
public sealed interface PartnerRequest {

    RequestKind kind();

    TransactionId transactionId();

    Instant requestTime();

    Parsed<IndividualId> individualId();

    /** {@code POST /v1/auth} or {@code /v1/kyc}: {@code kyc} is present exactly for e-KYC. */
    record AuthRequest(
            RequestKind kind,
            TransactionId transactionId,
            Instant requestTime,
            Parsed<IndividualId> individualId,
            Parsed<RequestedFactors> factors,
            Optional<KycAsk> kyc)
            implements PartnerRequest {}

    /** {@code POST /v1/otp}: send a code on these channels. */
    record OtpRequest(
            TransactionId transactionId,
            Instant requestTime,
            Parsed<IndividualId> individualId,
            Parsed<Set<ContactChannel>> channels)
            implements PartnerRequest {
        @Override
        public RequestKind kind() {
            return RequestKind.OTP;
        }
    }
}
