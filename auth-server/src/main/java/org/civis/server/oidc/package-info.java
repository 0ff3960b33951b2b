/**
 * The OpenID provider's protocol endpoints on the public listener (discovery, JWKS, PAR, token,
 * userinfo) and their wiring. Handlers parse, call one service of {@code org.civis.oidc}, and
 * answer; the resident's pages are {@code org.civis.server.signin}'s.
 */
package org.civis.server.oidc;
