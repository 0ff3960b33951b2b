/**
 * The platform's long-lived secret keys: the master key-encryption key, the blind-index key and the audit-chain
 * key, kept in a password-protected PKCS12 file or read from an already loaded keystore such as a PKCS#11 token.
 * Keys are created once and reused across restarts; nothing here logs or prints keys or passwords. The file
 * helpers ({@link org.civis.core.keys.Pkcs12Files}, {@link org.civis.core.keys.OwnerOnlyFiles},
 * {@link org.civis.core.keys.SelfSignedCertificates}) also serve the auth server's and the credential issuer's
 * keystores, so every keystore file is written and protected the same way.
 */
package org.civis.core.keys;
