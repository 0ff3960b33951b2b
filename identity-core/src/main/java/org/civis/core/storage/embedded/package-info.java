/**
 * The embedded PostgreSQL, run by hand rather than through a test library: binaries extracted into
 * a directory only this account can write and checked before each use, a cluster created with
 * SCRAM passwords (no trust, no Unix socket), durable settings, and a postmaster that is restarted
 * when it dies. Only {@link org.civis.core.storage.PostgresServer} uses this package, apart from
 * {@link org.civis.core.storage.embedded.Durability}, which its callers choose. Nothing here imports
 * {@code org.civis.core.storage}: the front door depends on the machinery, never the reverse.
 */
package org.civis.core.storage.embedded;
