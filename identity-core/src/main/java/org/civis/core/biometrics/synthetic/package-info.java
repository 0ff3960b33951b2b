/**
 * Synthetic fingerprints for test data and scale benchmarks: random master minutiae per finger and
 * perturbed impressions of them, written as standard ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004
 * minutiae records that any matcher can import. {@link
 * org.civis.core.biometrics.synthetic.SyntheticFingerprints} is the front door.
 *
 * <p>Nothing here may feed a real enrollment or authentication decision: these fingers belong to
 * nobody, and their score distributions only resemble real ones (see the FVC accuracy benchmark in
 * {@code perf} for real images).
 */
package org.civis.core.biometrics.synthetic;
