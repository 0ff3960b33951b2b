/**
 * Reads MOSIP Claim 169 out of a CWT, lenient where real issuers differ from the v1.2.0 spec (map
 * or wrapped map, integer or digit-string keys, one biometric entry or an array) and strict about
 * types otherwise.
 */
package org.civis.verifier.internal.claim169;
