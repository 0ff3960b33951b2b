/**
 * What the verifier says about a credential and why: the {@link org.civis.verifier.verdict.Verdict},
 * the stable {@link org.civis.verifier.verdict.ErrorCode} scripts match on, the pipeline
 * {@link org.civis.verifier.verdict.Stage} it belongs to, and the
 * {@link org.civis.verifier.verdict.VerificationError} that carries them. Values only; imported by
 * the pipeline, so it imports nothing of the SDK.
 */
package org.civis.verifier.verdict;
