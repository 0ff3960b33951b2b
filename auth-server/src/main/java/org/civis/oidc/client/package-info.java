/** The relying parties: partners whose policy allows OpenID Connect, and their authentication by private_key_jwt. */
package org.civis.oidc.client;
