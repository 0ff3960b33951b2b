/**
 * CBOR decoding of untrusted bytes with the SDK's limits on top of the PeterO library's own (no
 * duplicate keys, at most 500 levels): nesting depth and item count, and a JSON-friendly view of
 * CBOR values for reports. No COSE or CWT meaning here.
 */
package org.civis.verifier.internal.cbor;
