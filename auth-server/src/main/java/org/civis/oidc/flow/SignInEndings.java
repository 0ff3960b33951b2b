package org.civis.oidc.flow;

import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.civis.auth.pseudonym.PseudonymousTokens;
import org.civis.core.id.Uin;
import org.civis.core.vid.VidService;
import org.civis.oidc.OAuthError;
import org.civis.oidc.client.OidcClients;
import org.civis.oidc.flow.SignInFlow.Step;
import org.civis.oidc.token.SignedIn;

/**
 * How a sign-in ends, once: the resident allowed (a code, for the pairwise subject, after counting
 * a limited VID's use) or denied ({@code access_denied}). Either way the sign-in is taken out of the
 * cluster first, so of two concurrent answers only one sends the browser back.
 */
final class SignInEndings {
    private final ClusterEntries signIns;
    private final OidcClients clients;
    private final AuthorizationCodes codes;
    private final PseudonymousTokens pseudonyms;
    private final VidService vids;
    private final URI issuer;
    private final Clock clock;

    SignInEndings(
            ClusterEntries signIns,
            OidcClients clients,
            AuthorizationCodes codes,
            PseudonymousTokens pseudonyms,
            VidService vids,
            URI issuer,
            Clock clock) {
        this.signIns = signIns;
        this.clients = clients;
        this.codes = codes;
        this.pseudonyms = pseudonyms;
        this.vids = vids;
        this.issuer = issuer;
        this.clock = clock;
    }

    Future<Step> deny(String handle, SignInRequest request) {
        return signIns.take(handle)
                .map(took -> took.isEmpty()
                        ? new Step.Ended(OAuthError.SIGN_IN_EXPIRED)
                        : new Step.Redirect(Redirects.error(
                                request.redirectUri(),
                                OAuthError.ACCESS_DENIED,
                                "the resident denied the request",
                                request.state(),
                                issuer)));
    }

    /** Ends the sign-in (once, cluster-wide) and sends the browser back with a code. */
    Future<Step> allow(String handle, SignInState state) {
        SignInRequest request = state.request();
        return signIns.take(handle).compose(took -> {
            if (took.isEmpty()) {
                return Future.succeededFuture(new Step.Ended(OAuthError.SIGN_IN_EXPIRED));
            }
            return clients.find(request.clientId().value()).compose(client -> {
                if (client.isEmpty()) {
                    return Future.succeededFuture(new Step.Ended(OAuthError.CLIENT_UNKNOWN));
                }
                Uin uin = state.uin().orElseThrow();
                return useVid(state, uin)
                        .compose(usable -> usable
                                ? issueCode(state, uin)
                                : Future.succeededFuture(new Step.Redirect(Redirects.error(
                                        request.redirectUri(),
                                        OAuthError.ACCESS_DENIED,
                                        "the identifier used can no longer sign in",
                                        request.state(),
                                        issuer))));
            });
        });
    }

    private Future<Boolean> useVid(SignInState state, Uin uin) {
        return state.countedVid().isEmpty()
                ? Future.succeededFuture(true)
                : vids.recordUse(state.countedVid().get(), uin, clock.instant());
    }

    private Future<Step> issueCode(SignInState state, Uin uin) {
        SignInRequest request = state.request();
        SignedIn signedIn = new SignedIn(
                UUID.randomUUID().toString(),
                request.clientId(),
                pseudonyms.tokenFor(request.clientId(), uin),
                uin,
                state.authTime().orElseThrow(),
                request.acr(),
                state.amr(),
                request.nonce(),
                request.scopes(),
                request.claims(),
                request.idTokenClaims());
        return codes.issue(signedIn, request.redirectUri(), request.codeChallenge())
                .map(code -> new Step.Redirect(Redirects.code(request.redirectUri(), code, request.state(), issuer)));
    }
}
