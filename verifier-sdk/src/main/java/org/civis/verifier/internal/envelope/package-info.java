/**
 * From QR text to the bytes of a COSE message: an optional context prefix ({@code HC1:}), Base45
 * (RFC 9285, through commons-codec), zlib with a hard output limit, and MOSIP's hex-text variant.
 * Nothing here knows CBOR or keys.
 */
package org.civis.verifier.internal.envelope;
