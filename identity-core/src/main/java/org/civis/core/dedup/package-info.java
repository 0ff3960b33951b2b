/**
 * Demographic deduplication: finding whether an applicant is already enrolled. For now it holds the
 * {@link org.civis.core.dedup.NameNormalizer}; the blind indexes (keyed hashes of normalized name, date
 * of birth and gender, so that duplicates can be found without storing searchable plain text) will live
 * here too.
 */
package org.civis.core.dedup;
