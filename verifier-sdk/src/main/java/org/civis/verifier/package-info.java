/**
 * The verifier SDK's front door: {@link org.civis.verifier.Verifier} (built once with trusted keys,
 * status lists and a clock) turns QR text into a {@link org.civis.verifier.VerificationResult}, a
 * value, whatever the input. {@code Verifier.run} lists the pipeline's stages, which live in
 * {@code org.civis.verifier.internal}; this package is the only one that composes them.
 */
package org.civis.verifier;
