package org.civis.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Where a listener's TLS identity lives: a PEM certificate chain (leaf first) and its PEM private key. */
public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
