/**
 * Bulk import of an already-deduplicated register: batches of packets, each batch validated
 * against the schema and written in one transaction with multi-row statements, through the same
 * stores, encryption, blind indexes and audit log as single enrollment. Demographic dedup applies
 * (against the table and within the batch); fingerprint 1:N dedup does not (it is O(N^2) over a
 * million residents), so this path is only for registers deduplicated before they came here.
 */
package org.civis.core.enrollment.bulk;
