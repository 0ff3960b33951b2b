/** The {@code civis} command line: serve, audit verify, and the commands later issues add. */
package org.civis.server.cli;
