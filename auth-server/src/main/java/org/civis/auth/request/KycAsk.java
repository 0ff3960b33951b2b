package org.civis.auth.request;

import java.util.List;
import java.util.Optional;
import org.civis.auth.refusal.Parsed;

/**
 * The e-KYC part of a request: whether the resident consented ({@code "consent": true}), and the
 * attributes asked for ({@code kycAttributes}; empty when absent, which asks for all the policy
 * allows). Whether they may be released is the decision's, against the partner's policy.
 */
public record KycAsk(boolean consent, Parsed<Optional<List<String>>> attributes) {}
