/**
 * The verification pipeline, one package per stage, none of it exported: {@code envelope} (QR text
 * to COSE bytes), {@code cbor}, {@code cose} (structure, decryption, signatures), {@code cwt}
 * (registered claims and time rules), {@code claim169}, {@code status}. They may import the API's
 * value packages (verdict, claims, status, trust, spec) but never the front door
 * {@code org.civis.verifier}, which composes them. Each stage answers with a
 * {@link org.civis.verifier.internal.Step}: its value or the refusal, never an exception.
 */
package org.civis.verifier.internal;
