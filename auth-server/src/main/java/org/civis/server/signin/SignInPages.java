package org.civis.server.signin;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civis.oidc.OAuthError;
import org.civis.oidc.flow.SignInFlow;
import org.civis.oidc.flow.SignInFlow.Step;
import org.civis.server.web.Cookies;
import org.civis.server.web.Forms;
import org.civis.server.web.Messages;
import org.civis.server.web.PageFrame;
import org.civis.server.web.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in pages' routes. {@code GET /oidc/authorize} starts a sign-in and sets its cookie;
 * the forms post to {@code /oidc/signin/identify|code|knowledge|consent} with the fields
 * {@code csrf} and {@code individualId}, {@code code}, {@code dateOfBirth} (YYYY-MM-DD) or
 * {@code decision} ({@code allow}, {@code deny}); {@code GET /oidc/signin} shows the current page
 * again ({@code ?lang=} switches language). Each answer of the flow becomes a page (Show), a 303
 * to the client (Redirect) or an error page (Ended). A post without the cookie, or one that is not
 * one of our forms, is the "sign-in expired" page: nothing of it reaches the flow.
 */
public final class SignInPages {
    private static final Logger LOG = LoggerFactory.getLogger(SignInPages.class);

    static final String AUTHORIZE = "/oidc/authorize";
    static final String CURRENT = "/oidc/signin";

    private final SignInFlow flow;
    private final Pages pages;
    private final IdNumberInput idNumbers;
    private final CodeBudget codes;
    private final Clock clock;

    /**
     * How many codes a client (an address) may have sent through these pages: the login page needs
     * no credentials, so without it one client could have codes sent to many residents. The server
     * passes the resident API's per-address budget, so the two doors share one count.
     */
    @FunctionalInterface
    public interface CodeBudget {
        Future<Boolean> take(HttpServerRequest request);
    }

    private SignInPages(SignInFlow flow, Pages pages, IdNumberInput idNumbers, CodeBudget codes, Clock clock) {
        this.flow = flow;
        this.pages = pages;
        this.idNumbers = idNumbers;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * Mounts the pages' routes and the static assets on {@code router}, whose request bodies are
     * already bounded (a {@code RequestBodies} in front: a form is a small body).
     */
    public static void mount(
            Router router, SignInFlow flow, Pages pages, IdNumberInput idNumbers, CodeBudget codes, Clock clock) {
        SignInPages signIn = new SignInPages(flow, pages, idNumbers, codes, clock);
        pages.mountAssets(router);
        router.get(AUTHORIZE).handler(signIn::authorize);
        router.get(CURRENT).handler(signIn::current);
        router.post(CURRENT + "/identify").handler(signIn::identify);
        router.post(CURRENT + "/code").handler(signIn::code);
        router.post(CURRENT + "/knowledge").handler(signIn::knowledge);
        router.post(CURRENT + "/consent").handler(signIn::consent);
    }

    private void authorize(RoutingContext ctx) {
        flow.start(query(ctx.queryParams())).map(Outcome::of).onComplete(step -> answer(ctx, step, true));
    }

    private void current(RoutingContext ctx) {
        Optional<String> handle = Cookies.signIn(ctx.request());
        if (handle.isEmpty()) {
            ended(ctx, OAuthError.SIGN_IN_EXPIRED);
            return;
        }
        flow.current(handle.get()).map(Outcome::of).onComplete(step -> answer(ctx, step, false));
    }

    /** A form's own field, after the CSRF token and with the cookie's handle, goes to the flow. */
    private interface FormStep {
        Future<Outcome> apply(String handle, String csrf, String field);
    }

    private void post(RoutingContext ctx, String field, FormStep step) {
        Optional<String> handle = Cookies.signIn(ctx.request());
        Optional<Map<String, String>> form = Forms.read(ctx);
        if (handle.isEmpty()
                || form.isEmpty()
                || !form.get().containsKey("csrf")
                || !form.get().containsKey(field)) {
            ended(ctx, OAuthError.SIGN_IN_EXPIRED);
            return;
        }
        step.apply(handle.get(), form.get().get("csrf"), form.get().get(field))
                .onComplete(next -> answer(ctx, next, false));
    }

    private void code(RoutingContext ctx) {
        post(ctx, "code", (handle, csrf, code) -> flow.answerCode(handle, csrf, code.trim())
                .map(Outcome::of));
    }

    private void knowledge(RoutingContext ctx) {
        post(ctx, "dateOfBirth", (handle, csrf, date) -> flow.answerKnowledge(handle, csrf, date.trim())
                .map(Outcome::of));
    }

    /** Two submit buttons named {@code decision}: {@code allow} or {@code deny}; anything else is not our form. */
    private void consent(RoutingContext ctx) {
        post(
                ctx,
                "decision",
                (handle, csrf, decision) -> decision.equals("allow") || decision.equals("deny")
                        ? flow.decide(handle, csrf, decision.equals("allow")).map(Outcome::of)
                        : Future.succeededFuture(Outcome.of(new Step.Ended(OAuthError.SIGN_IN_EXPIRED))));
    }

    /**
     * The login form. A number that cannot be a UIN or VID is shown back with a hint, without
     * asking the flow; so is a client whose code budget is spent. The CSRF token is checked here
     * then, as the flow would have.
     */
    private void identify(RoutingContext ctx) {
        post(ctx, "individualId", (handle, csrf, typed) -> idNumbers
                .read(typed)
                .map(id -> codes.take(ctx.request())
                        .compose(allowed -> allowed
                                ? flow.identify(handle, csrf, id).map(Outcome::of)
                                : shownAgain(handle, csrf, "problem.TOO_MANY_ATTEMPTS")))
                .orElseGet(() -> shownAgain(handle, csrf, "problem.notANumber")));
    }

    private Future<Outcome> shownAgain(String handle, String csrf, String problem) {
        return flow.current(handle).map(step -> {
            if (step instanceof Step.Show show) {
                if (!sameToken(show.view().csrf(), csrf)) {
                    return Outcome.of(new Step.Ended(OAuthError.SIGN_IN_EXPIRED));
                }
                // A stale login form (the back button): show where the sign-in is.
                return show.view().stage() == SignInFlow.Stage.IDENTIFY
                        ? new Outcome(show, Optional.of(problem))
                        : Outcome.of(show);
            }
            return Outcome.of(step);
        });
    }

    /**
     * What a request comes to: the flow's step, or the login page shown again with a problem the
     * page found itself (a malformed number), which the flow never saw.
     */
    private record Outcome(Step step, Optional<String> pageProblem) {
        static Outcome of(Step step) {
            return new Outcome(step, Optional.empty());
        }
    }

    private void answer(RoutingContext ctx, AsyncResult<Outcome> result, boolean started) {
        if (result.failed()) {
            // The class only: a message may quote the request.
            LOG.error("sign-in step failed: {}", result.cause().getClass().getName());
            ended(ctx, OAuthError.SERVER_ERROR);
            return;
        }
        Step step = result.result().step();
        if (step instanceof Step.Show show) {
            show(ctx, show, result.result().pageProblem().or(() -> problemKey(show)), started);
        } else if (step instanceof Step.Redirect redirect) {
            Cookies.clearSignIn(ctx.response());
            ctx.response()
                    .setStatusCode(303)
                    .putHeader("Location", redirect.location().toASCIIString())
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .end();
        } else if (step instanceof Step.Ended end) {
            ended(ctx, end.error());
        }
    }

    private void show(RoutingContext ctx, Step.Show show, Optional<String> problemKey, boolean started) {
        SignInFlow.SignInView view = show.view();
        if (started) {
            Cookies.setSignIn(ctx.response(), view.handle(), Duration.between(clock.instant(), view.expiresAt()));
        }
        String template =
                switch (view.stage()) {
                    case IDENTIFY -> "signin/identify.jte";
                    case CODE -> "signin/code.jte";
                    case KNOWLEDGE -> "signin/knowledge.jte";
                    case CONSENT -> "signin/consent.jte";
                };
        PageFrame frame =
                pages.frame(ctx, view.uiLocales(), "title." + view.stage().name(), CURRENT);
        List<String> claims =
                view.claims().stream().map(claim -> inWords(frame, claim)).toList();
        pages.render(
                ctx,
                200,
                template,
                new SignInPage(
                        frame,
                        view.csrf(),
                        view.clientName(),
                        problemKey.map(frame::t).orElse(null),
                        claims,
                        view.maskedContacts()));
    }

    /** {@code name} as "Your full name"; {@code name#fra} as "Your full name (Français)". */
    private static String inWords(PageFrame frame, String claim) {
        int hash = claim.indexOf('#');
        String base = hash < 0 ? claim : claim.substring(0, hash);
        String words = frame.texts().has("claim." + base) ? frame.t("claim." + base) : base;
        return hash < 0 ? words : words + " (" + Messages.nativeName(claim.substring(hash + 1)) + ")";
    }

    private static Optional<String> problemKey(Step.Show show) {
        if (show.detail().isPresent()) {
            return show.detail().map(problem -> "problem." + problem.name());
        }
        return show.problem().map(error -> "problem.other");
    }

    private void ended(RoutingContext ctx, OAuthError error) {
        Cookies.clearSignIn(ctx.response());
        PageFrame frame = pages.frame(ctx, uiLocales(ctx), "title.error", "");
        String message =
                switch (error) {
                    case SIGN_IN_EXPIRED, LOGIN_REQUIRED -> "error.expired";
                    case CLIENT_UNKNOWN, REDIRECT_URI_INVALID, UNAUTHORIZED_CLIENT, INVALID_CLIENT -> "error.client";
                    case TEMPORARILY_UNAVAILABLE -> "error.unavailable";
                    case ACCESS_DENIED -> "error.denied";
                    default -> "error.other";
                };
        pages.render(
                ctx,
                error.status() == 401 ? 400 : error.status(),
                "signin/error.jte",
                new ErrorPage(frame, frame.t(message), error.name()));
    }

    /** The client's {@code ui_locales} on the authorization request: space-separated BCP 47 tags. */
    private static List<String> uiLocales(RoutingContext ctx) {
        String value = ctx.request().getParam("ui_locales");
        return value == null ? List.of() : Arrays.asList(value.trim().split(" +"));
    }

    private static Map<String, List<String>> query(MultiMap params) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        params.names().forEach(name -> query.put(name, List.copyOf(params.getAll(name))));
        return query;
    }

    private static boolean sameToken(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
