/**
 * The verifier SDK's front door: {@link org.civis.verifier.Verifier} (built once with trusted keys,
 * status lists and a clock) turns QR text into a {@link org.civis.verifier.VerificationResult}.
 * Verdicts, stages and error codes live here too. Everything below is reachable but may change:
 * the sub-packages are the pipeline's stages, one capability each.
 */
package org.civis.verifier;
