/**
 * Load generators and benchmarks that drive a running Civis over HTTP. Nothing here is part of
 * {@code mvn -B verify}; each tool prints its figures and the command that produced them.
 */
package org.civis.perf;
