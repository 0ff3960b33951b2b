package org.civis.auth.admission;

import org.civis.auth.partner.Partner;
import org.civis.auth.request.PartnerRequest;

/**
 * A request whose API key, partner, rate, signature, transaction id, time and first use have all
 * been accepted: the authenticated partner and what it asked, parsed.
 */
public record AdmittedRequest(Partner partner, PartnerRequest request) implements AdmissionResult {}
