package org.civis.oidc.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Provider keys for tests, made once per test run: RSA generation takes a while. */
public final class TestProviderKeys {
    public static final ProviderKeys KEYS = generate();

    private TestProviderKeys() {}

    private static ProviderKeys generate() {
        try {
            return new ProviderKeys(
                    new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate(),
                    new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
