package org.civis.server.partnerapi;

import org.civis.auth.AuthAnswers;
import org.civis.auth.AuthService;
import org.civis.auth.OtpRequests;
import org.civis.auth.SignedRequestGate;
import org.civis.auth.keys.ServerJwks;
import org.civis.auth.partner.PartnerService;

/** The services behind the partner API, wired once by the server. */
public record AuthComponents(
        SignedRequestGate gate,
        AuthService auth,
        OtpRequests otps,
        AuthAnswers answers,
        ServerJwks jwks,
        PartnerService partners) {}
