/**
 * Fingerprint benchmarks that run in-process, with no server: matcher accuracy (FNMR and FMR) and
 * extraction time on real images when a data folder is present, and JMH throughput of 1:1
 * comparison on synthetic templates (always) and real ones (when present).
 *
 * <p>Real images are never part of the repository: the tools read them from a folder given on the
 * command line (or {@code ../shared/data/fingerprints} next to the checkout) and skip when it is
 * absent.
 */
package org.civis.perf.biometrics;
