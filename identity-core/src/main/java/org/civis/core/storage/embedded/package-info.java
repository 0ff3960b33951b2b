/**
 * The embedded PostgreSQL, run by hand rather than through a test library: binaries extracted into
 * a directory only this account can write and checked before each use, a cluster created with
 * SCRAM passwords (no trust, no Unix socket), durable settings, and a postmaster that is restarted
 * when it dies. Only {@link org.civis.core.storage.PostgresServer} uses this package.
 */
package org.civis.core.storage.embedded;
