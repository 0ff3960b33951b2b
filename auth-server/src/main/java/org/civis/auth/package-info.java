/**
 * Relying-party authentication: the services behind the partner and resident APIs. Nothing here
 * imports Vert.x Web; the HTTP routes in {@code org.civis.server.partnerapi} call these services.
 */
package org.civis.auth;
