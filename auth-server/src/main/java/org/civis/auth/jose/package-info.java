/**
 * The auth server's JOSE work: signing responses, verifying partners' signed requests, decrypting identity factors
 * encrypted to the server, sealing e-KYC data to a partner and OTP digests. The keys themselves live in
 * {@code org.civis.auth.keys}.
 *
 * <p>All JWS, JWE and JWK work goes through Nimbus JOSE+JWT; only the algorithms named in each class are accepted,
 * whatever a token's header asks for. Nothing in this package logs, prints or puts into exception messages any key,
 * password or decrypted plaintext.
 */
package org.civis.auth.jose;
