/**
 * Issued identities: their encrypted versions, reads (audited), updates and status changes.
 * Only this package reads or writes the identities and identity_versions tables.
 */
package org.civis.core.identity;
