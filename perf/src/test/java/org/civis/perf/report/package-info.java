/**
 * What a harness run leaves behind: Gatling's per-request statistics read from its HTML report,
 * the count of the run's records in {@code auth_transactions}, and the entry appended to
 * {@code perf/RESULTS.md}.
 */
package org.civis.perf.report;
