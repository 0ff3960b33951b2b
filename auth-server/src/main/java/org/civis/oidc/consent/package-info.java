/**
 * Remembered consents: which OpenID claims a resident allowed a relying party to receive, kept in
 * PostgreSQL until they expire and revocable by the resident. Nothing here speaks HTTP.
 */
package org.civis.oidc.consent;
