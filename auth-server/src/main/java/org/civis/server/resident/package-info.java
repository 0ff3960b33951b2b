/**
 * The resident API over HTTP: sign-in with a one-time code, then the signed-in resident's own locks, VIDs and
 * authentication history, and nobody else's. The rules behind it live in {@code org.civis.auth.resident} and the
 * registry; this package only reads requests and writes answers.
 */
package org.civis.server.resident;
