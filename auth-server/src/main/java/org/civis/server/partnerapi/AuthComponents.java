package org.civis.server.partnerapi;

import org.civis.auth.admission.Admission;
import org.civis.auth.answer.AuthAnswers;
import org.civis.auth.decision.AuthDecision;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.otp.OtpRequests;
import org.civis.auth.partner.PartnerService;
import org.civis.server.metrics.AuthMetrics;

/** The services behind the partner API, wired once by the server. */
public record AuthComponents(
        Admission admission,
        AuthDecision decision,
        OtpRequests otps,
        AuthAnswers answers,
        ServerJwks jwks,
        PartnerService partners,
        AuthMetrics metrics) {}
