/**
 * The credential issuer's front door: {@link org.civis.issuer.CredentialIssuer} turns an issued
 * identity, a signing key and a status reference into a signed Claim 169 QR credential. The
 * subpackages hold the pieces (claims mapping, photo shrinking, COSE, QR, card rendering, keys,
 * status lists, the verifier bundle). A library: no HTTP, no database, no Vert.x event loop; every
 * call is synchronous and the server runs the CPU-heavy ones on workers.
 */
package org.civis.issuer;
