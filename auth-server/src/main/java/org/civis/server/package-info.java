/**
 * The Civis server: configuration, start-up and shutdown order. The APIs live in sub-packages;
 * what the server stands on (database, Hazelcast, keys) in {@code platform}.
 */
package org.civis.server;
