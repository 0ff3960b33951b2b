/** What the provider signs and checks: its keys, ID tokens, access tokens (DPoP-bound when asked), userinfo. */
package org.civis.oidc.token;
