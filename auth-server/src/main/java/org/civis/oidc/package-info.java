/**
 * The OpenID Connect provider: relying parties (registered partners whose policy allows it) sign
 * residents in with the authorization code flow, PKCE, private_key_jwt and, when they ask, DPoP.
 * {@code client} knows the clients and authenticates them, {@code token} makes and checks what the
 * provider signs, {@code flow} carries one sign-in from the authorization request to the code. The
 * HTTP doors are {@code org.civis.server.oidc} (protocol endpoints) and
 * {@code org.civis.server.signin} (the resident's pages).
 */
package org.civis.oidc;
