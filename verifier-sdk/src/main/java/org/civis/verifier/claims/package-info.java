/**
 * MOSIP Claim 169 (identity data in CWT claim 169): the typed record a verifier app shows, and a
 * reader that is lenient where real issuers differ from the v1.2.0 spec (map or wrapped map,
 * integer or digit-string keys, one biometric entry or an array, two date formats) and strict
 * about types otherwise.
 */
package org.civis.verifier.claims;
