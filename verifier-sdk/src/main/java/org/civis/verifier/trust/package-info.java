/**
 * The keys a verifier trusts: public signing keys, each with an optional kid and bound to the
 * algorithm its type allows (so a header cannot talk a key into another algorithm), and symmetric
 * keys for COSE_Encrypt0, gathered in a {@link org.civis.verifier.trust.KeyRing}. Values only; they
 * are read from files by {@code org.civis.verifier.files}.
 */
package org.civis.verifier.trust;
