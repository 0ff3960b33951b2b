/**
 * COSE (RFC 9052/9053) on top of the CBOR data model: COSE_Sign1 and COSE_Encrypt0 structure and
 * headers, the Sig_structure and Enc_structure, signature checks through JCA (EdDSA, ES256,
 * ES384, PS256) and AES-GCM decryption. Knows keys only through the trust package; knows nothing
 * of CWT claims.
 */
package org.civis.verifier.internal.cose;
