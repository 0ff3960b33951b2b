/**
 * What the server stands on: the Hazelcast member, the key store, the database. Each is started
 * and stopped here, in order; the APIs only receive ready-made pieces.
 */
package org.civis.server.platform;
