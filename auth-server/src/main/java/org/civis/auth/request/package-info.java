/**
 * The typed partner request: {@link org.civis.auth.request.RequestParser} reads a verified payload once into a
 * {@link org.civis.auth.request.PartnerRequest} (decrypting the factors if they came as a JWE). Nothing after the
 * parser reads request JSON. No Vert.x Web here, and no decisions: what a part means for the partner's policy or
 * the identity is the decision's.
 */
package org.civis.auth.request;
