/**
 * COSE_Sign1 signing (RFC 9052) for credentials and status list tokens. Signing only: verifying is
 * the verifier SDK's job, and the tests recompute the Sig_structure independently of this code.
 */
package org.civis.issuer.cose;
