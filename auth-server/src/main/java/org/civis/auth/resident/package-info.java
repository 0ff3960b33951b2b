/**
 * The resident's own access: sign-in with a one-time password, then a short-lived session for
 * locking auth types, managing VIDs and reading the authentication history.
 */
package org.civis.auth.resident;
