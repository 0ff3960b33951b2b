/**
 * Enrollment: a packet under a registration id becomes exactly one outcome, ISSUED, suspected
 * duplicate, or REJECTED, whatever the retries and races. Adjudication settles suspected duplicates.
 */
package org.civis.core.enrollment;
