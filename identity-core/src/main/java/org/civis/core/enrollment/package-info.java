/**
 * Enrollment: a packet under a registration id becomes exactly one outcome, ISSUED, suspected
 * duplicate, or REJECTED, whatever the retries and races. Adjudication settles suspected duplicates.
 * Single enrollment and bulk import ({@code enrollment.bulk}) are built from one
 * {@link org.civis.core.enrollment.EnrollmentParts}, so both paths digest, deduplicate and audit a
 * packet alike.
 */
package org.civis.core.enrollment;
