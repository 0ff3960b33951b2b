/**
 * The {@code civis} command line: serve, audit verify, card, verifier-bundle, and the commands later
 * issues add. Commands other than serve work whether or not the server runs.
 */
package org.civis.server.cli;
