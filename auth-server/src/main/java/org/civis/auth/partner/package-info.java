/**
 * Relying parties (partners): their registration, keys and policy in PostgreSQL, API keys kept
 * only as digests, and the cluster-wide directory the request path reads them from.
 */
package org.civis.auth.partner;
