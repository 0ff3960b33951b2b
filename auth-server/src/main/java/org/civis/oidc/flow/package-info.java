/**
 * One sign-in, from the authorization request (query or pushed) to the authorization code:
 * held in the cluster under an authenticated entry, single use, cluster-wide. The pages drive it
 * through {@link org.civis.oidc.flow.SignInFlow}.
 */
package org.civis.oidc.flow;
