/**
 * {@code civis verify}: the command-line face of the SDK, for scripts and field kits. Prints one
 * JSON line per credential on stdout and nothing else there; warnings and usage errors go to
 * stderr. picocli is an optional dependency of the SDK, needed only by this package.
 */
package org.civis.verifier.cli;
