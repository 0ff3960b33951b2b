/**
 * The registry's PostgreSQL: where the server is (embedded or external), the schema migrations,
 * and the connection pool. Repositories that read and write tables live with the capability they
 * serve; nothing here knows what an identity is.
 */
package org.civis.core.storage;
