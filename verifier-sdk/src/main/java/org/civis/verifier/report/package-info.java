/**
 * The JSON form of a {@link org.civis.verifier.VerificationResult}: one object per credential, as
 * the {@code civis verify} command prints it and scripts read it. Written with Nimbus's JSON
 * utilities (shaded Gson), so the SDK needs no other JSON library.
 */
package org.civis.verifier.report;
