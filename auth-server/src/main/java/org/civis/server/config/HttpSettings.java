package org.civis.server.config;

import java.time.Duration;
import java.util.Optional;
import org.civis.server.http.BodyLimits;
import org.civis.server.tls.TlsFiles;

/**
 * The HTTP settings of {@link CivisConfig}: how long a connection may stay silent, how much of a
 * request body is held and for how long, and each listener's TLS files (none: plain HTTP, for a
 * listener behind a TLS-terminating proxy or on a trusted network) with how often they are checked
 * for a renewed certificate.
 */
public record HttpSettings(
        Duration idleTimeout,
        BodyLimits bodies,
        Optional<TlsFiles> publicTls,
        Optional<TlsFiles> adminTls,
        Duration tlsReloadPeriod) {}
