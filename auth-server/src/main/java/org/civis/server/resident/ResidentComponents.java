package org.civis.server.resident;

import org.civis.auth.otp.OtpRequests;
import org.civis.auth.resident.AddressBudget;
import org.civis.auth.resident.ResidentLogin;
import org.civis.auth.resident.ResidentSessions;
import org.civis.auth.transaction.AuthHistory;
import org.civis.core.lock.AuthLockService;
import org.civis.core.vid.VidService;
import org.civis.oidc.consent.Consents;
import org.civis.server.http.ClientAddress;

/**
 * The services the resident API uses, and only those: the routes get the lock and VID services
 * themselves rather than the whole registry, so what a resident can reach is listed here.
 */
public record ResidentComponents(
        ResidentLogin login,
        OtpRequests otps,
        AddressBudget otpBudget,
        ClientAddress clientAddress,
        ResidentSessions sessions,
        AuthHistory history,
        AuthLockService locks,
        VidService vids,
        Consents consents) {}
