package org.civis.oidc.flow;

import io.vertx.core.Future;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.core.id.IndividualId;
import org.civis.oidc.OAuthError;

/**
 * One resident's sign-in, as the pages drive it: an authorization request becomes a sign-in
 * held in the cluster; the resident names a UIN or VID, gets a one-time password at the enrolled
 * contact, answers the knowledge check when the client asked for it, and allows or denies the
 * release of the claims shown; the browser is then sent back to the client with a code or an error.
 *
 * <p>A sign-in is named by a 256-bit random handle that lives only in the browser's cookie; each
 * form also carries the sign-in's CSRF token, compared in constant time. Every step takes both;
 * an unknown or expired handle, or a wrong CSRF token, is {@link Step.Ended} with
 * {@link OAuthError#SIGN_IN_EXPIRED}. Refusals are values; a failed future is broken infrastructure.
 */
public interface SignInFlow {
    /**
     * GET /oidc/authorize: the query parameters (or {@code client_id} and {@code request_uri} of a
     * pushed request) checked; a new sign-in, or where to send the browser instead.
     */
    Future<Step> start(Map<String, List<String>> query);

    /** The login form: the UIN or VID. Sends the one-time password. */
    Future<Step> identify(String handle, String csrf, IndividualId individualId);

    /** The code form. */
    Future<Step> answerCode(String handle, String csrf, String code);

    /** The knowledge form (only when the sign-in asks for it): the date of birth as YYYY-MM-DD. */
    Future<Step> answerKnowledge(String handle, String csrf, String dateOfBirth);

    /** The consent form. */
    Future<Step> decide(String handle, String csrf, boolean allow);

    /** The sign-in as it stands, to show its page again (a reload, a language switch). */
    Future<Step> current(String handle);

    /** Where a sign-in is, and so which page to show or where to send the browser. */
    sealed interface Step {
        /** Show the page for {@code view.stage()}; {@code problem} says why the last answer was not taken. */
        record Show(SignInView view, Optional<OAuthError> problem, Optional<Problem> detail) implements Step {}

        /** Send the browser here (303): the client's redirect URI with a code, or with an error it may see. */
        record Redirect(URI location) implements Step {}

        /** Show an error page and redirect nowhere: an unknown client or redirect URI, or a sign-in that ended. */
        record Ended(OAuthError error) implements Step {}
    }

    /** What a page may tell the resident about a refused answer; never whether an identity exists. */
    enum Problem {
        IDENTITY_OR_CODE_WRONG,
        OTP_LOCKED,
        TOO_MANY_ATTEMPTS,
        KNOWLEDGE_WRONG,
        OTP_NOT_SENT
    }

    enum Stage {
        IDENTIFY,
        CODE,
        KNOWLEDGE,
        CONSENT
    }

    /**
     * What the pages show: nothing of the identity but the masked contacts the code went to.
     *
     * @param handle the browser's handle, set as the sign-in cookie by the page that starts it
     * @param claims the OpenID claims to be released, to list on the consent page (names such as
     *     {@code name}, {@code birthdate}; the page words them)
     * @param uiLocales the client's {@code ui_locales}, best first, for the page's language
     */
    record SignInView(
            String handle,
            String csrf,
            Stage stage,
            String clientName,
            List<String> claims,
            List<String> maskedContacts,
            List<String> uiLocales,
            Instant expiresAt) {
        public SignInView {
            claims = List.copyOf(claims);
            maskedContacts = List.copyOf(maskedContacts);
            uiLocales = List.copyOf(uiLocales);
        }

        @Override
        public String toString() { // the handle and token are secrets
            return "SignInView[" + stage + ", " + clientName + "]";
        }
    }
}
