package org.civis.server.config;

import java.net.URI;
import java.time.Duration;

/**
 * The OpenID provider's settings.
 *
 * @param issuer {@code CIVIS_PUBLIC_BASE_URL}: the {@code iss} of everything the provider signs
 *     and the base of its endpoints; default {@code http://localhost:<public port>} style, from the
 *     public listener's host, port and TLS
 * @param consentLifetime {@code CIVIS_OIDC_CONSENT_DAYS} (180): how long a resident's allow is
 *     remembered per relying party
 */
public record OidcSettings(URI issuer, Duration consentLifetime) {}
