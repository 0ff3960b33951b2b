package org.civis.issuer;

/**
 * How big a credential came out, layer by layer.
 *
 * @param photoBytes the JPEG inside (0 without a photo)
 * @param cwtBytes the signed, tagged COSE_Sign1
 * @param compressedBytes after zlib
 * @param base45Chars the QR text
 * @param qrVersion the QR symbol's version at error correction M
 */
public record CredentialSizes(int photoBytes, int cwtBytes, int compressedBytes, int base45Chars, int qrVersion) {}
