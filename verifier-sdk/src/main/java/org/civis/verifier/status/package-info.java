/**
 * Revocation offline: IETF Token Status List (draft-ietf-oauth-status-list), CWT form. A credential's
 * status reference (claim 65535), Status List Tokens checked against the trusted keys when they
 * are loaded, and the status looked up at the judged instant. A verifier without a current list for
 * a credential says so ({@code UNKNOWN}) instead of guessing.
 */
package org.civis.verifier.status;
