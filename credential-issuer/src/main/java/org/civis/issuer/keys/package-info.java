/**
 * The issuer's signing keys: a key ring (one signing key, older keys public only) kept in a PKCS12
 * file in the data directory, rotated on request, and published as a trust list (JWKS and X.509
 * certificates). The kid is a prefix of the key's RFC 7638 thumbprint. Private keys never leave this
 * package and are never written anywhere but the keystore file.
 */
package org.civis.issuer.keys;
