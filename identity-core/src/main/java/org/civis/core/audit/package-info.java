/**
 * The append-only, hash-chained audit log: every registry change and every read of personal data
 * leaves an entry, and the chain shows afterwards whether any entry was edited or removed.
 * Entries name identifiers (UIN, registration id), never personal data.
 */
package org.civis.core.audit;
