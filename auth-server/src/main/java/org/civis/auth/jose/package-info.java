/**
 * The auth server's JOSE and key handling: its own keys ({@link org.civis.auth.jose.AuthKeystoreFile}), the
 * public JWKS partners fetch, signing responses, verifying partners' signed requests, decrypting identity factors
 * encrypted to the server, sealing e-KYC data to a partner, partner-specific pseudonymous tokens, OTP digests and
 * the cache seal that keeps personal data encrypted inside Hazelcast.
 *
 * <p>All JWS, JWE and JWK work goes through Nimbus JOSE+JWT; only the algorithms named in each class are accepted,
 * whatever a token's header asks for. Nothing in this package logs, prints or puts into exception messages any key,
 * password or decrypted plaintext.
 */
package org.civis.auth.jose;
