/**
 * Reads what an operator hands a verifier: trusted keys from JWKS documents, X.509 certificates and
 * verifier bundles ({@link org.civis.verifier.files.KeyFiles}), Status List Tokens from CBOR, hex
 * or bundle files ({@link org.civis.verifier.files.StatusListFiles}). Entries that cannot be used
 * are skipped with a warning; a file that is none of these formats reads as
 * {@link org.civis.verifier.files.FileReading.Unreadable}, the operator's mistake, as a value.
 */
package org.civis.verifier.files;
