/**
 * Fingerprints: turning captures (images or minutiae templates) into SourceAFIS templates behind a
 * quality gate, storing them encrypted, 1:1 verification for authentication and the in-memory 1:N
 * gallery that keeps enrollment to one identity per person. Matching is SourceAFIS's; this package
 * decides what to compare, on which threads, and what a score means.
 */
package org.civis.core.biometrics;
