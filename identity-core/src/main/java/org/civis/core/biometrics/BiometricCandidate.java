package org.civis.core.biometrics;

import org.civis.core.id.Uin;
import org.civis.core.schema.FingerPosition;

/**
 * An enrolled identity whose finger matched one of an enrollment's fingers.
 *
 * @param score the best SourceAFIS score over the compared finger pairs
 * @param position the enrolling finger that gave that score
 */
public record BiometricCandidate(Uin uin, double score, FingerPosition position) {}
