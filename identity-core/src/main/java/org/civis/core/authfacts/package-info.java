/**
 * What an authentication needs to know about one identity, read from PostgreSQL in one go: status,
 * current personal data, locks and VIDs, labelled with the identity's auth revision so that caches
 * can tell a newer view from an older one. Nothing here writes.
 */
package org.civis.core.authfacts;
