/**
 * Revocation for offline verifiers: IETF Token Status List with two bits per credential (0 VALID,
 * 1 INVALID, 2 SUSPENDED) and its signed CWT form. Which index holds which status is decided by the
 * caller from the system of record each time a token is built; nothing here remembers statuses.
 */
package org.civis.issuer.status;
