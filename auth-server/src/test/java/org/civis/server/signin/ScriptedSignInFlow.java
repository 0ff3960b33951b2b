package org.civis.server.signin;

import io.vertx.core.Future;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civis.core.id.IndividualId;
import org.civis.oidc.Acr;
import org.civis.oidc.OAuthError;
import org.civis.oidc.flow.SignInFlow;

/**
 * The pages' boundary in their own tests: a small in-memory {@link SignInFlow} that keeps the
 * contract (handle and CSRF checked on every step, refusals as values) with one known client, one
 * right code ({@link #CODE}) and no identities behind it. The real flow is tested on its own.
 */
final class ScriptedSignInFlow implements SignInFlow {
    static final String CLIENT_ID = "rp-test";
    static final String CODE = "123456";
    static final String DATE_OF_BIRTH = "1988-04-08";
    static final URI REDIRECT = URI.create("https://rp.example/cb");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignIn> signIns = new ConcurrentHashMap<>();
    private final List<IndividualId> identified = new ArrayList<>();
    private volatile String clientName = "Example Bank";

    private static final class SignIn {
        final String handle;
        final String csrf;
        final List<String> uiLocales;
        final String state;
        final boolean knowledge;
        Stage stage = Stage.IDENTIFY;

        SignIn(String handle, String csrf, List<String> uiLocales, String state, boolean knowledge) {
            this.handle = handle;
            this.csrf = csrf;
            this.uiLocales = uiLocales;
            this.state = state;
            this.knowledge = knowledge;
        }
    }

    void clientName(String name) {
        this.clientName = name;
    }

    /** The numbers the pages passed on to {@link #identify}, in order. */
    synchronized List<IndividualId> identified() {
        return List.copyOf(identified);
    }

    @Override
    public Future<Step> start(Map<String, List<String>> query) {
        if (List.of("broken").equals(query.get("client_id"))) {
            return Future.failedFuture(new IllegalStateException("the cluster is gone; query " + query));
        }
        if (!List.of(CLIENT_ID).equals(query.get("client_id"))) {
            return Future.succeededFuture(new Step.Ended(OAuthError.CLIENT_UNKNOWN));
        }
        List<String> uiLocales = Optional.ofNullable(query.get("ui_locales"))
                .map(values -> Arrays.asList(values.get(0).split(" ")))
                .orElse(List.of());
        String state =
                Optional.ofNullable(query.get("state")).map(v -> v.get(0)).orElse("");
        boolean knowledge = List.of(Acr.GENERATED_CODE_AND_KNOWLEDGE).equals(query.get("acr_values"));
        SignIn signIn = new SignIn(secret(), secret(), uiLocales, state, knowledge);
        signIns.put(signIn.handle, signIn);
        return show(signIn, Optional.empty());
    }

    @Override
    public synchronized Future<Step> identify(String handle, String csrf, IndividualId individualId) {
        return step(handle, csrf, Stage.IDENTIFY, signIn -> {
            identified.add(individualId);
            signIn.stage = Stage.CODE;
            return show(signIn, Optional.empty());
        });
    }

    @Override
    public Future<Step> answerCode(String handle, String csrf, String code) {
        return step(handle, csrf, Stage.CODE, signIn -> {
            if (!code.equals(CODE)) {
                return show(signIn, Optional.of(Problem.IDENTITY_OR_CODE_WRONG));
            }
            signIn.stage = signIn.knowledge ? Stage.KNOWLEDGE : Stage.CONSENT;
            return show(signIn, Optional.empty());
        });
    }

    @Override
    public Future<Step> answerKnowledge(String handle, String csrf, String dateOfBirth) {
        return step(handle, csrf, Stage.KNOWLEDGE, signIn -> {
            if (!dateOfBirth.equals(DATE_OF_BIRTH)) {
                return show(signIn, Optional.of(Problem.KNOWLEDGE_WRONG));
            }
            signIn.stage = Stage.CONSENT;
            return show(signIn, Optional.empty());
        });
    }

    @Override
    public Future<Step> decide(String handle, String csrf, boolean allow) {
        return step(handle, csrf, Stage.CONSENT, signIn -> {
            signIns.remove(handle);
            String answer = allow ? "code=granted" : "error=access_denied";
            return Future.succeededFuture(
                    new Step.Redirect(URI.create(REDIRECT + "?" + answer + "&state=" + signIn.state)));
        });
    }

    @Override
    public Future<Step> current(String handle) {
        SignIn signIn = signIns.get(handle);
        return signIn == null
                ? Future.succeededFuture(new Step.Ended(OAuthError.SIGN_IN_EXPIRED))
                : show(signIn, Optional.empty());
    }

    private interface Next {
        Future<Step> from(SignIn signIn);
    }

    private Future<Step> step(String handle, String csrf, Stage expected, Next next) {
        SignIn signIn = signIns.get(handle);
        if (signIn == null || !signIn.csrf.equals(csrf)) {
            return Future.succeededFuture(new Step.Ended(OAuthError.SIGN_IN_EXPIRED));
        }
        if (signIn.stage != expected) {
            return show(signIn, Optional.empty());
        }
        return next.from(signIn);
    }

    private Future<Step> show(SignIn signIn, Optional<Problem> problem) {
        SignInView view = new SignInView(
                signIn.handle,
                signIn.csrf,
                signIn.stage,
                clientName,
                List.of("name", "name#fra", "birthdate", "email"),
                List.of("+255 *** *** 412", "a***@example.org"),
                signIn.uiLocales,
                Instant.now().plusSeconds(600));
        return Future.succeededFuture(new Step.Show(view, problem.map(p -> OAuthError.ACCESS_DENIED), problem));
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
