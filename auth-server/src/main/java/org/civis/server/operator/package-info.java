/**
 * Who may call the admin API: operators authenticated by a bearer token from the organisation's
 * identity provider (Keycloak, Microsoft Entra ID, any issuer publishing a JWKS), or, on embedded
 * defaults, from a local development issuer whose key lives in the data directory.
 *
 * <p>{@link org.civis.server.operator.OperatorAuthenticator} turns a token into an {@link
 * org.civis.server.operator.Operator} (a value, never an exception, for a bad token); {@link
 * org.civis.server.operator.OperatorAuthHandler} and {@link org.civis.server.operator.AdminAccess} put it
 * in front of the admin routes. Nothing here reads or logs a token beyond verifying it, and nothing
 * here knows what the admin routes do: only which roles may call them.
 */
package org.civis.server.operator;
