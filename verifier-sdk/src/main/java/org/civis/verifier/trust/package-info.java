/**
 * The keys a verifier trusts and how they are found: public keys from JWKS (through Nimbus), X.509
 * certificates and verifier bundles, each with an optional kid; symmetric keys for COSE_Encrypt0.
 * A key is bound to the algorithms its type allows, so a header cannot talk a key into another
 * algorithm. No signature checking here (see cose).
 */
package org.civis.verifier.trust;
