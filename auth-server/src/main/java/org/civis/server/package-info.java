/**
 * The Civis server's wiring: start-up and shutdown order, the listeners, and the services built once
 * from the configuration. It depends downward only: the configuration lives in {@code config}, what
 * the server stands on (database, Hazelcast, keys) in {@code platform}, the APIs in their own
 * sub-packages, and none of those import this package.
 */
package org.civis.server;
