package org.civis.core.enrollment;

/** The outcome of an enrollment. */
public enum EnrollmentStatus {
    /** A UIN was issued. */
    ISSUED,
    /** Someone with matching demographics (or, later, fingerprints) already exists: awaits adjudication. */
    DUPLICATE_SUSPECTED,
    /** Refused; the reasons say why. Final. */
    REJECTED
}
