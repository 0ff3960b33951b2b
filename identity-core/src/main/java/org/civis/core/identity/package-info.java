/**
 * Issued identities: their encrypted versions, reads (audited), updates and status changes.
 * Only this package writes the identities and identity_versions tables; elsewhere only plaintext
 * columns are read (the auth facts, and the credential status lists, which join on the status).
 * {@link org.civis.core.identity.IdentityChanges} is how the services here, in {@code lock} and in
 * {@code vid} tell a cache of every committed change that can alter an authentication.
 */
package org.civis.core.identity;
