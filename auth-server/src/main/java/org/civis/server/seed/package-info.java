/**
 * {@code civis seed}: loads a synthetic population through the registry's bulk path and leaves
 * in the data directory what load generators need (the seeded UINs, a partner and its keys).
 * Synthetic test data only; nothing here runs inside a serving node.
 */
package org.civis.server.seed;
