package org.civis.server.partnerapi;

import org.civis.auth.admission.Admission;
import org.civis.auth.answer.AuthAnswers;
import org.civis.auth.decision.AuthDecision;
import org.civis.auth.jose.ServerJwks;
import org.civis.auth.otp.OtpRequests;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.resident.AddressBudget;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.resident.ResidentSessions;
import org.civis.auth.transaction.AuthHistory;
import org.civis.core.Registry;
import org.civis.server.http.ClientAddress;

/** The services behind the public listener, wired once by the server. */
public record AuthComponents(
        Admission admission,
        AuthDecision decision,
        OtpRequests otps,
        AuthAnswers answers,
        ServerJwks jwks,
        ResidentLogin residentLogin,
        AddressBudget residentOtpBudget,
        ClientAddress clientAddress,
        ResidentSessions residentSessions,
        AuthHistory history,
        PartnerService partners,
        Registry registry) {}
