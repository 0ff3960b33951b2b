/**
 * QR credentials for issued identities, as the server runs them: the credentials and status_lists
 * tables, issuance and reprints (CPU work on workers), and the Status List Tokens derived from the
 * database when they are built. Uses the credential-issuer library for everything that is not
 * storage or threading; imports no Vert.x Web, the routes live in {@code org.civis.server}.
 */
package org.civis.auth.credential;
