/**
 * The resident's side of "Sign in with Civis": the login and consent pages and their form posts,
 * over {@link org.civis.oidc.flow.SignInFlow}. These handlers only read forms, call the flow and
 * render its answer; what a sign-in may do is the flow's business, never a page's.
 */
package org.civis.server.signin;
