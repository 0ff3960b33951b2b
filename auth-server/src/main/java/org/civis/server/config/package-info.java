/**
 * The server's configuration: one typed record ({@link org.civis.server.config.CivisConfig}) loaded
 * and validated once at start from the environment, and the settings records it holds. Nothing here
 * starts anything; the wiring in {@code org.civis.server} and the platform read from it.
 */
package org.civis.server.config;
