/**
 * Reads what an operator hands a verifier: trusted keys from JWKS documents, X.509 certificates and
 * verifier bundles ({@link org.civis.verifier.files.KeyFiles}), Status List Tokens from CBOR, hex
 * or bundle files ({@link org.civis.verifier.files.StatusListFiles}). Entries that cannot be used
 * are skipped with a warning; only a file that is none of these formats is a
 * {@link org.civis.verifier.files.KeyFileException}, the operator's mistake.
 */
package org.civis.verifier.files;
