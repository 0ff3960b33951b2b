/**
 * What a node reports to Prometheus on the admin listener's {@code GET /metrics}: one Micrometer
 * registry per node ({@link org.civis.server.metrics.NodeMetrics}), fed by Vert.x (HTTP requests by
 * route template, database pool) and by the recorders and gauges here, registered once at wiring.
 *
 * <p>No label value may carry personal data, a UIN, a VID, a transaction id, a partner id or a
 * secret: labels are route templates, enum names and fixed map or pool names only, so every series
 * has a small, fixed set of values. Nothing here imports the HTTP routes; the routes call in.
 */
package org.civis.server.metrics;
