/**
 * The mapping from an identity (ID schema fields) to the MOSIP Claim 169 map with integer keys.
 * Pure data shaping: no signing, no compression, no I/O. Templates and raw biometrics never enter
 * the map; the photo enters only after the issuer has shrunk it.
 */
package org.civis.issuer.claim169;
