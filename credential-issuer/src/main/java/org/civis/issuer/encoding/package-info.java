/**
 * The byte-level encodings credentials and status lists share: deterministic CBOR and zlib. No
 * claims, keys or images here.
 */
package org.civis.issuer.encoding;
