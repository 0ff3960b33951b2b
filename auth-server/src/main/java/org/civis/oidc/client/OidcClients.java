package org.civis.oidc.client;

import com.nimbusds.jose.JWSAlgorithm;
import io.vertx.core.Future;
import java.util.Optional;
import org.civis.auth.partner.OidcPolicy;
import org.civis.auth.partner.Partner;
import org.civis.auth.partner.PartnerDirectory;
import org.civis.auth.partner.PartnerId;
import org.civis.auth.partner.PartnerStatus;
import org.civis.oidc.OidcClaims;

/**
 * The relying parties, read from the partner directory (the cluster's authenticated cache, then
 * PostgreSQL): a {@code client_id} is a client only while its partner is active and its policy
 * has an {@code oidc} member. A malformed id is simply no client: it is the browser's text.
 */
public final class OidcClients {
    private final PartnerDirectory partners;

    public OidcClients(PartnerDirectory partners) {
        this.partners = partners;
    }

    public Future<Optional<OidcClient>> find(String clientId) {
        Optional<PartnerId> id = partnerId(clientId);
        if (id.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return partners.find(id.get()).map(found -> found.flatMap(OidcClients::client));
    }

    /** The client a partner is, if it is one now. */
    public static Optional<OidcClient> client(Partner partner) {
        if (partner.status() != PartnerStatus.ACTIVE) {
            return Optional.empty();
        }
        return partner.policy()
                .oidc()
                .map(oidc -> new OidcClient(
                        partner.id(),
                        partner.name(),
                        oidc.redirectUris(),
                        oidc.requirePushedAuthorizationRequests(),
                        OidcClaims.claimsFor(partner.policy().kycAttributes()),
                        partner.signingKeys(),
                        partner.encryptionKey(),
                        algorithm(oidc.idTokenSignedResponseAlg()),
                        form(oidc.userinfoResponse())));
    }

    private static JWSAlgorithm algorithm(OidcPolicy.IdTokenAlg alg) {
        return switch (alg) {
            case RS256 -> JWSAlgorithm.RS256;
            case PS256 -> JWSAlgorithm.PS256;
            case ES256 -> JWSAlgorithm.ES256;
        };
    }

    private static OidcClient.UserInfoForm form(OidcPolicy.UserinfoResponse response) {
        return switch (response) {
            case JSON -> OidcClient.UserInfoForm.JSON;
            case SIGNED -> OidcClient.UserInfoForm.SIGNED;
            case SIGNED_AND_ENCRYPTED -> OidcClient.UserInfoForm.SIGNED_AND_ENCRYPTED;
        };
    }

    private static Optional<PartnerId> partnerId(String clientId) {
        try {
            return Optional.of(new PartnerId(clientId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
