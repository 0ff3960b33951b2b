package org.civis.core.biometrics;

import java.io.Serializable;
import org.civis.core.id.Uin;
import org.civis.core.schema.FingerPosition;

/**
 * An enrolled identity whose finger matched one of an enrollment's fingers. Serializable: the
 * cluster's fingerprint search carries candidates back from the member that found them.
 *
 * @param score the best SourceAFIS score over the compared finger pairs
 * @param position the enrolling finger that gave that score
 */
public record BiometricCandidate(Uin uin, double score, FingerPosition position) implements Serializable {}
