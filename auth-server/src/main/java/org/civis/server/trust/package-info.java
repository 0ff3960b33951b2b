/**
 * The public routes offline verifiers fetch: the issuer's JWKS and certificates, the Status List
 * Tokens, and the verifier bundle. Public data only; thin: read, call one service, answer.
 */
package org.civis.server.trust;
