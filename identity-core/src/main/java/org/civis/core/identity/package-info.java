/**
 * Issued identities: their encrypted versions, reads (audited), updates and status changes.
 * Only this package writes the identities and identity_versions tables; elsewhere only plaintext
 * columns are read (the auth facts, and the credential status lists, which join on the status).
 */
package org.civis.core.identity;
