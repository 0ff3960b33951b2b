/**
 * The public listener's routes: the partner API (signed authentication, e-KYC and OTP requests,
 * the server's JWKS), the resident API, and the OpenAPI document. Thin: parse, call one service,
 * answer.
 */
package org.civis.server.partnerapi;
