package org.civis.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civis.server.operator.OperatorSettings;
import org.junit.jupiter.api.Test;

/** The operator authentication settings as {@link ConfigLoader} reads them. */
class OperatorConfigTest {

    @Test
    void withoutAnIssuerTheDevelopmentIssuerIsTrustedWithKeycloaksRolesClaim() {
        OperatorSettings operators = ConfigLoader.load(Map.of()).operators();

        assertThat(operators.usesDevelopmentIssuer()).isTrue();
        assertThat(operators.audience()).isEqualTo("civis-admin");
        assertThat(operators.rolesClaim().path()).containsExactly("realm_access", "roles");
        assertThat(operators.jwksRefresh()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anEntraIssuerIsReadWithItsJwksAudienceAndRolesClaim() {
        OperatorSettings operators = ConfigLoader.load(Map.of(
                        "CIVIS_OPERATOR_ISSUER", "https://login.microsoftonline.com/tenant-id/v2.0",
                        "CIVIS_OPERATOR_JWKS_URL", "https://login.microsoftonline.com/tenant-id/discovery/v2.0/keys",
                        "CIVIS_OPERATOR_AUDIENCE", "api://civis-admin",
                        "CIVIS_OPERATOR_ROLES_CLAIM", "roles",
                        "CIVIS_OPERATOR_JWKS_REFRESH_SECONDS", "300"))
                .operators();

        assertThat(operators.usesDevelopmentIssuer()).isFalse();
        assertThat(operators.issuer()).hasValue("https://login.microsoftonline.com/tenant-id/v2.0");
        assertThat(operators.jwksUrl())
                .hasValue(URI.create("https://login.microsoftonline.com/tenant-id/discovery/v2.0/keys"));
        assertThat(operators.audience()).isEqualTo("api://civis-admin");
        assertThat(operators.rolesClaim().path()).isEqualTo(List.of("roles"));
        assertThat(operators.jwksRefresh()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anIssuerWithoutItsJwksUrlIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CIVIS_OPERATOR_ISSUER", "https://idp.example.org/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CIVIS_OPERATOR_JWKS_URL");
    }

    @Test
    void keysOverPlainHttpAreAcceptedOnlyFromThisMachine() {
        Map<String, String> remote = Map.of(
                "CIVIS_OPERATOR_ISSUER", "http://idp.example.org/realms/civis",
                "CIVIS_OPERATOR_JWKS_URL", "http://idp.example.org/realms/civis/protocol/openid-connect/certs");
        assertThatThrownBy(() -> ConfigLoader.load(remote)).hasMessageContaining("https");

        for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
            OperatorSettings local = ConfigLoader.load(Map.of(
                            "CIVIS_OPERATOR_ISSUER", "http://" + host + ":8180/realms/civis",
                            "CIVIS_OPERATOR_JWKS_URL", "http://" + host + ":8180/realms/civis/certs"))
                    .operators();
            assertThat(local.jwksUrl()).isPresent();
        }
    }

    @Test
    void theOperatorSettingsAreKnownNames() {
        assertThat(ConfigLoader.unknownNames(Map.of(
                        "CIVIS_OPERATOR_ISSUER", "x",
                        "CIVIS_OPERATOR_JWKS_URL", "x",
                        "CIVIS_OPERATOR_AUDIENCE", "x",
                        "CIVIS_OPERATOR_ROLES_CLAIM", "x",
                        "CIVIS_OPERATOR_JWKS_REFRESH_SECONDS", "x")))
                .isEmpty();
    }
}
