/**
 * The auth server's keys and the partners' keys: the server's own keystore ({@link org.civis.auth.keys.AuthKeystoreFile}
 * and the {@link org.civis.auth.keys.AuthKeys} it yields), the public JWKS partners fetch, the checks on the JWKs a
 * partner registers, and the Bouncy Castle Ed25519 signer and verifier behind every EdDSA signature.
 *
 * <p>Only the key types and algorithms named in each class are accepted. Nothing in this package logs, prints or puts
 * into exception messages any key or password.
 */
package org.civis.auth.keys;
