/**
 * Revocation offline: IETF Token Status List (draft-ietf-oauth-status-list), CWT form. A credential's
 * {@link org.civis.verifier.status.StatusReference}, the verified
 * {@link org.civis.verifier.status.StatusListToken}s a device holds, and the
 * {@link org.civis.verifier.status.CredentialStatus} found at the judged instant. A verifier
 * without a current list for a credential says so ({@code UNKNOWN}) instead of guessing. Values
 * only; the lookup is in the internal pipeline.
 */
package org.civis.verifier.status;
