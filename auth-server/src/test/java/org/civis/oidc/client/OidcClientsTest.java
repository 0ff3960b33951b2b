package org.civis.oidc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.NamePolicy;
import org.civis.auth.partner.OidcPolicy;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerPolicy;
import org.civis.auth.partner.PartnerStatus;
import org.civis.core.lock.AuthType;
import org.junit.jupiter.api.Test;

class OidcClientsTest {
    private static final OidcPolicy OIDC = new OidcPolicy(
            List.of(URI.create("https://rp.example/cb")),
            true,
            OidcPolicy.IdTokenAlg.ES256,
            OidcPolicy.UserinfoResponse.SIGNED_AND_ENCRYPTED);

    @Test
    void anActivePartnerWithAnOidcPolicyIsAClientAllowedTheClaimsOfItsKycAttributes() throws Exception {
        JWK key = new OctetKeyPairGenerator(Curve.Ed25519)
                .keyIDFromThumbprint(true)
                .generate();
        Partner partner = partner(PartnerStatus.ACTIVE, Optional.of(OIDC), List.of(key.toPublicJWK()));

        OidcClient client = OidcClients.client(partner).orElseThrow();

        assertThat(client.id()).isEqualTo(new PartnerId("rp-bank"));
        assertThat(client.name()).isEqualTo("RP Bank");
        assertThat(client.allowedClaims()).containsExactlyInAnyOrder("name", "birthdate", "email");
        assertThat(client.requirePushedRequests()).isTrue();
        assertThat(client.idTokenSigningAlg()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(client.userInfoForm()).isEqualTo(OidcClient.UserInfoForm.SIGNED_AND_ENCRYPTED);
        assertThat(client.signingKeys()).containsExactly(key.toPublicJWK());
        assertThat(client.registered(URI.create("https://rp.example/cb"))).isTrue();
        assertThat(client.registered(URI.create("https://rp.example/cb/"))).isFalse();
    }

    @Test
    void aSuspendedPartnerOrOneWithoutOidcIsNoClient() {
        assertThat(OidcClients.client(partner(PartnerStatus.SUSPENDED, Optional.of(OIDC), List.of())))
                .isEmpty();
        assertThat(OidcClients.client(partner(PartnerStatus.ACTIVE, Optional.empty(), List.of())))
                .isEmpty();
    }

    @Test
    void aClientIdThatIsNoPartnerIdIsNoClientWithoutALookup() {
        OidcClients clients = new OidcClients(null); // a lookup would fail

        assertThat(clients.find("Not An Id/..").result()).isEmpty();
    }

    private static Partner partner(PartnerStatus status, Optional<OidcPolicy> oidc, List<JWK> keys) {
        PartnerPolicy policy = new PartnerPolicy(
                Set.of(AuthType.OTP),
                Set.of("fullName", "dateOfBirth", "email", "fingerprints"),
                NamePolicy.EXACT_ONLY,
                100,
                oidc);
        return new Partner(
                new PartnerId("rp-bank"), "RP Bank", status, new byte[32], keys, Optional.empty(), policy, 1);
    }
}
