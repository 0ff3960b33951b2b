package org.civis.server.partnerapi;

import org.civis.auth.AuthAnswers;
import org.civis.auth.AuthService;
import org.civis.auth.OtpRequests;
import org.civis.auth.SignedRequestGate;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.partner.PartnerService;
import org.civis.auth.resident.AddressBudget;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.resident.ResidentSessions;
import org.civis.auth.transaction.AuthHistory;
import org.civis.core.Registry;
import org.civis.server.http.ClientAddress;

/** The services behind the public listener, wired once by the server. */
public record AuthComponents(
        SignedRequestGate gate,
        AuthService auth,
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
