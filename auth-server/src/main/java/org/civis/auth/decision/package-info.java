/**
 * The decision on an admitted authentication or e-KYC request, its steps listed in
 * {@link org.civis.auth.decision.AuthDecision#decide}: policy, identity, locks, factors, VID use, e-KYC release,
 * and the record committed before the answer. Refusals are values ({@link org.civis.auth.decision.AuthOutcome});
 * no Vert.x Web, no request JSON.
 */
package org.civis.auth.decision;
