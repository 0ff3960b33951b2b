/**
 * Encryption of personal data at rest and blind indexes for searching it.
 *
 * <p>{@link org.civis.core.crypto.EnvelopeCipher} seals each record under its own data key, which a
 * {@link org.civis.core.crypto.MasterKey} wraps; {@link org.civis.core.crypto.BlindIndex} turns normalised
 * values into keyed digests that can be looked up without storing the value. Nothing in this package logs,
 * prints or puts into exception messages any key, password or plaintext bytes.
 */
package org.civis.core.crypto;
