/**
 * The resident's own access: sign-in with a one-time password (asked within a per-client budget,
 * since the portal is open to anyone), then a short-lived session for locking auth types, managing
 * VIDs and reading the authentication history.
 */
package org.civis.auth.resident;
