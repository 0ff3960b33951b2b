package org.civis.oidc.flow;

import com.hazelcast.core.HazelcastInstance;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.auth.partner.PartnerId;
import org.civis.core.refusal.Result;
import org.civis.oidc.OAuthError;
import org.civis.oidc.token.AccessTokens;
import org.civis.oidc.token.SignedIn;

/**
 * Authorization codes: 256 random bits, held in the cluster as their digest with the sign-in, the
 * client, the redirect URI and the PKCE challenge; redeemable once within their lifetime. A used
 * code is kept, marked spent, a while longer: its second use is refused and revokes every access
 * token of its grant (RFC 6749 4.1.2, OAuth 2.0 Security BCP 4.5).
 */
public final class AuthorizationCodes {
    /** How long a spent code is remembered: far past its lifetime, and past its tokens'. */
    private static final Duration SPENT_KEPT = Duration.ofMinutes(15);

    private final ClusterEntries entries;
    private final Duration lifetime;
    private final AccessTokens tokens;

    public AuthorizationCodes(
            HazelcastInstance hazelcast, EntryMac mac, Duration lifetime, AccessTokens tokens, Clock clock) {
        this.entries = new ClusterEntries(hazelcast, ClusterMaps.OIDC_CODES, mac, clock);
        this.lifetime = lifetime;
        this.tokens = tokens;
    }

    public Future<String> issue(SignedIn signedIn, URI redirectUri, String codeChallenge) {
        String code = ClusterEntries.newSecret();
        JsonObject entry = new JsonObject()
                .put("signedIn", SignedInJson.of(signedIn))
                .put("redirectUri", redirectUri.toString())
                .put("codeChallenge", codeChallenge);
        return entries.put(code, entry, lifetime).map(code);
    }

    /**
     * The sign-in a code carries, if {@code client} redeems it with the redirect URI it was issued
     * for and the PKCE verifier of its challenge; else INVALID_GRANT. Spent by the attempt either way.
     */
    public Future<Result<SignedIn>> redeem(String code, PartnerId client, URI redirectUri, String codeVerifier) {
        if (code == null || code.length() != 43) {
            return Result.refuseNow(OAuthError.INVALID_GRANT, "unknown or expired code");
        }
        return entries.spend(code, SPENT_KEPT).compose(spending -> {
            if (spending.spentBefore().isPresent()) {
                SignedIn replayed =
                        SignedInJson.from(spending.spentBefore().get().getJsonObject("signedIn"));
                return tokens.revokeGrant(replayed.grantId())
                        .map(v ->
                                Result.refused(OAuthError.INVALID_GRANT, "code already used: its tokens are revoked"));
            }
            if (spending.fresh().isEmpty()) {
                return Result.refuseNow(OAuthError.INVALID_GRANT, "unknown or expired code");
            }
            JsonObject entry = spending.fresh().get();
            SignedIn signedIn = SignedInJson.from(entry.getJsonObject("signedIn"));
            if (!signedIn.client().equals(client)) {
                return Result.refuseNow(OAuthError.INVALID_GRANT, "code issued to another client");
            }
            if (redirectUri == null || !entry.getString("redirectUri").equals(redirectUri.toString())) {
                return Result.refuseNow(
                        OAuthError.INVALID_GRANT, "redirect_uri differs from the authorization request's");
            }
            if (!verifierMatches(codeVerifier, entry.getString("codeChallenge"))) {
                return Result.refuseNow(OAuthError.INVALID_GRANT, "code_verifier does not match the code_challenge");
            }
            return Result.acceptNow(signedIn);
        });
    }

    private static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null) {
            return false;
        }
        CodeVerifier parsed;
        try {
            parsed = new CodeVerifier(verifier);
        } catch (IllegalArgumentException e) {
            return false; // RFC 7636 4.1: 43..128 unreserved characters
        }
        String computed =
                CodeChallenge.compute(CodeChallengeMethod.S256, parsed).getValue();
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
