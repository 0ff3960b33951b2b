package org.civis.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.core.uin.Verhoeff;
import org.civis.oidc.Acr;
import org.civis.server.http.BodyBudget;
import org.civis.server.http.BodyLimits;
import org.civis.server.http.ErrorResponses;
import org.civis.server.http.RequestBodies;
import org.civis.server.web.Pages;
import org.civis.server.web.SecurityHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in pages over real HTTP, in front of a scripted flow: what a browser gets (headers,
 * cookie, markup, language), and what the pages refuse before the flow sees anything.
 */
class SignInPagesTest {
    private static final String UIN = "2749503865";
    private static final List<String> LANGUAGES = List.of("eng", "fra", "ara", "hin", "spa", "por", "swa");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ScriptedSignInFlow flow = new ScriptedSignInFlow();
    /** The client's code budget, as the server's per-address budget would answer it. */
    private final AtomicInteger codesLeft = new AtomicInteger(100);

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new RequestBodies(
                        router,
                        new BodyLimits(16_384, 65_536, 1 << 20, Duration.ofSeconds(10)),
                        new BodyBudget(1 << 20))
                .mountDefault();
        SignInPages.mount(
                router,
                flow,
                Pages.create(LANGUAGES),
                new IdNumberInput(10, 16),
                request -> Future.succeededFuture(codesLeft.getAndDecrement() > 0),
                Clock.systemUTC());
        ErrorResponses.install(router);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void authorizeSetsTheHostOnlyCookieAndShowsTheLoginPageUnderTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get(authorize(""), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(SecurityHeaders.PAGE_POLICY)
                .contains("frame-ancestors 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline", "form-action");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        String cookie = setCookie(page, "__Host-civis-signin");
        // Attribute names are case-insensitive (RFC 6265); Netty writes "HTTPOnly".
        assertThat(cookie.toLowerCase(Locale.ROOT))
                .contains("; path=/", "; secure", "; httponly", "; samesite=strict")
                .doesNotContain("domain");
        String html = page.body();
        assertThat(html)
                .contains(
                        "<html lang=\"en\" dir=\"ltr\">",
                        "<main id=\"main\" tabindex=\"-1\">",
                        "<a class=\"skip\" href=\"#main\">Skip to main content</a>",
                        "<h1>Sign in with Civis</h1>")
                .contains("<label for=\"individualId\">UIN or VID</label>")
                .contains("id=\"individualId\" name=\"individualId\" type=\"text\" inputmode=\"numeric\"")
                .contains("aria-describedby=\"individualId-hint\"")
                .contains("to continue to Example Bank")
                .doesNotContain("<script", "style=");
        assertThat(csrf(html)).hasSize(64);
    }

    @Test
    void anUnknownClientIsAnErrorPageAndNoSignIn() throws Exception {
        HttpResponse<String> page = get("/oidc/authorize?client_id=nobody&state=s", null);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(page.body()).contains("not registered with Civis", "CLIENT_UNKNOWN", "role=\"alert\"");
        assertThat(setCookie(page, "__Host-civis-signin")).contains("Max-Age=0");
    }

    @Test
    void aFormPostWithoutTheCookieIsTheExpiredPageAndNeverReachesTheFlow() throws Exception {
        String csrf = csrf(get(authorize(""), null).body());

        HttpResponse<String> page = post("/oidc/signin/identify", Map.of("csrf", csrf, "individualId", UIN), null);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This sign-in has ended or expired");
        assertThat(flow.identified()).isEmpty();
    }

    @Test
    void aWrongCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> login = get(authorize(""), null);
        String cookie = cookiePair(login);

        HttpResponse<String> page =
                post("/oidc/signin/identify", Map.of("csrf", "0".repeat(64), "individualId", UIN), cookie);
        HttpResponse<String> malformedToo =
                post("/oidc/signin/identify", Map.of("csrf", "0".repeat(64), "individualId", "12"), cookie);
        HttpResponse<String> noToken = post("/oidc/signin/identify", Map.of("individualId", UIN), cookie);

        assertThat(List.of(page, malformedToo, noToken)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("This sign-in has ended or expired");
        });
        assertThat(flow.identified()).isEmpty();
    }

    @Test
    void aFormThatIsNotUrlEncodedIsRefused() throws Exception {
        HttpResponse<String> login = get(authorize(""), null);
        String body = "{\"csrf\":\"" + csrf(login.body()) + "\",\"individualId\":\"" + UIN + "\"}";
        HttpRequest request = HttpRequest.newBuilder(uri("/oidc/signin/identify"))
                .header("Cookie", cookiePair(login))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> page = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(flow.identified()).isEmpty();
    }

    @Test
    void theClientsNameIsEscaped() throws Exception {
        flow.clientName("<script>alert(\"x\")</script> & \"Co\"");

        HttpResponse<String> page = get(authorize(""), null);

        assertThat(page.body())
                .doesNotContain("<script>")
                .contains("to continue to &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"Co\"</p>");
    }

    @Test
    void theResidentGoesFromLoginThroughCodeAndConsentBackToTheClient() throws Exception {
        HttpResponse<String> login = get(authorize("&state=xyz"), null);
        String cookie = cookiePair(login);

        HttpResponse<String> code = post(
                "/oidc/signin/identify", Map.of("csrf", csrf(login.body()), "individualId", "274 950 3865"), cookie);
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.body())
                .contains("<h1>Enter your code</h1>", "+255 *** *** 412", "a***@example.org")
                .contains("autocomplete=\"one-time-code\"", "<label for=\"code\">");
        assertThat(flow.identified()).containsExactly(new Uin(UIN));

        HttpResponse<String> wrong =
                post("/oidc/signin/code", Map.of("csrf", csrf(code.body()), "code", "999999"), cookie);
        assertThat(wrong.body())
                .contains("<p id=\"problem\" class=\"problem\" role=\"alert\">The number or the code is not right.")
                .contains("aria-describedby=\"code-hint problem\"", "aria-invalid=\"true\"");

        HttpResponse<String> consent =
                post("/oidc/signin/code", Map.of("csrf", csrf(wrong.body()), "code", ScriptedSignInFlow.CODE), cookie);
        assertThat(consent.body())
                .contains("<h1>Example Bank asks for your details</h1>")
                .contains("<li>Your full name</li>", "<li>Your full name (Français)</li>")
                .contains("<li>Your date of birth</li>", "<li>Your e-mail address</li>")
                .contains("name=\"decision\" value=\"allow\"", "name=\"decision\" value=\"deny\"");

        HttpResponse<String> back =
                post("/oidc/signin/consent", Map.of("csrf", csrf(consent.body()), "decision", "allow"), cookie);
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).contains("https://rp.example/cb?code=granted&state=xyz");
        assertThat(setCookie(back, "__Host-civis-signin")).contains("Max-Age=0", "Secure", "Path=/");
    }

    @Test
    void theKnowledgeCheckAsksForTheDateOfBirthInADateField() throws Exception {
        HttpResponse<String> login = get(
                authorize("&acr_values=" + URLEncoder.encode(Acr.GENERATED_CODE_AND_KNOWLEDGE, StandardCharsets.UTF_8)),
                null);
        String cookie = cookiePair(login);
        HttpResponse<String> code =
                post("/oidc/signin/identify", Map.of("csrf", csrf(login.body()), "individualId", UIN), cookie);

        HttpResponse<String> knowledge =
                post("/oidc/signin/code", Map.of("csrf", csrf(code.body()), "code", ScriptedSignInFlow.CODE), cookie);
        HttpResponse<String> wrong = post(
                "/oidc/signin/knowledge", Map.of("csrf", csrf(knowledge.body()), "dateOfBirth", "1990-01-01"), cookie);
        HttpResponse<String> consent = post(
                "/oidc/signin/knowledge",
                Map.of("csrf", csrf(wrong.body()), "dateOfBirth", ScriptedSignInFlow.DATE_OF_BIRTH),
                cookie);

        assertThat(knowledge.body())
                .contains("<label for=\"dateOfBirth\">Date of birth</label>")
                .contains("name=\"dateOfBirth\" type=\"date\" autocomplete=\"bday\"");
        assertThat(wrong.body())
                .contains("role=\"alert\">That is not the date we have.")
                .contains("aria-describedby=\"dateOfBirth-hint problem\"");
        assertThat(consent.body()).contains("name=\"decision\" value=\"allow\"");
    }

    @Test
    void aBrokenFlowIsAServerErrorPageThatQuotesNothing() throws Exception {
        HttpResponse<String> page = get("/oidc/authorize?client_id=broken&login_hint=2749503865", null);

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(page.body())
                .contains("SERVER_ERROR", "Something went wrong")
                .doesNotContain("2749503865", "cluster");
    }

    @Test
    void denyingIsPassedOnAndAnUnknownDecisionIsNot() throws Exception {
        HttpResponse<String> login = get(authorize("&state=s2"), null);
        String cookie = cookiePair(login);
        HttpResponse<String> code =
                post("/oidc/signin/identify", Map.of("csrf", csrf(login.body()), "individualId", UIN), cookie);
        HttpResponse<String> consent =
                post("/oidc/signin/code", Map.of("csrf", csrf(code.body()), "code", ScriptedSignInFlow.CODE), cookie);

        HttpResponse<String> odd =
                post("/oidc/signin/consent", Map.of("csrf", csrf(consent.body()), "decision", "maybe"), cookie);
        HttpResponse<String> denied =
                post("/oidc/signin/consent", Map.of("csrf", csrf(consent.body()), "decision", "deny"), cookie);

        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(denied.statusCode()).isEqualTo(303);
        assertThat(denied.headers().firstValue("Location"))
                .contains("https://rp.example/cb?error=access_denied&state=s2");
    }

    @Test
    void aVidIsReadByItsLength() throws Exception {
        String body = "123456789012345";
        String vid = body + Verhoeff.checkDigit(body);
        HttpResponse<String> login = get(authorize(""), null);

        post("/oidc/signin/identify", Map.of("csrf", csrf(login.body()), "individualId", vid), cookiePair(login));

        assertThat(flow.identified()).containsExactly(new Vid(vid));
    }

    @Test
    void aClientWhoseCodeBudgetIsSpentIsToldSoAndNoCodeIsAskedFor() throws Exception {
        codesLeft.set(1);
        HttpResponse<String> first = get(authorize(""), null);
        post("/oidc/signin/identify", Map.of("csrf", csrf(first.body()), "individualId", UIN), cookiePair(first));
        HttpResponse<String> second = get(authorize(""), null);

        HttpResponse<String> refused = post(
                "/oidc/signin/identify", Map.of("csrf", csrf(second.body()), "individualId", UIN), cookiePair(second));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\">Too many attempts.");
        assertThat(flow.identified()).hasSize(1);
    }

    @Test
    void aMalformedNumberIsShownBackWithoutAskingTheFlow() throws Exception {
        HttpResponse<String> login = get(authorize(""), null);

        HttpResponse<String> again = post(
                "/oidc/signin/identify",
                Map.of("csrf", csrf(login.body()), "individualId", "2749503864"),
                cookiePair(login));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .contains("role=\"alert\">Enter the digits of your UIN or VID.")
                .contains("aria-describedby=\"individualId-hint problem\"")
                .doesNotContain("2749503864");
        assertThat(flow.identified()).isEmpty();
    }

    @Test
    void theLanguageSwitchShowsTheSamePageInFrenchAndRemembersIt() throws Exception {
        HttpResponse<String> login = get(authorize(""), null);
        String cookie = cookiePair(login);
        assertThat(login.body()).contains("<a href=\"/oidc/signin?lang=fra\" lang=\"fr\" hreflang=\"fr\">Français</a>");

        HttpResponse<String> french = get("/oidc/signin?lang=fra", cookie);

        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body())
                .contains("<html lang=\"fr\" dir=\"ltr\">", "<label for=\"individualId\">UIN ou VID</label>")
                .contains("<span lang=\"fr\" aria-current=\"true\">Français</span>");
        assertThat(csrf(french.body())).isEqualTo(csrf(login.body()));
        String remembered = setCookie(french, "civis-lang");
        assertThat(remembered).startsWith("civis-lang=fra");

        HttpResponse<String> later = get("/oidc/signin", cookie + "; civis-lang=fra");
        assertThat(later.body()).contains("<html lang=\"fr\"");
    }

    @Test
    void arabicPagesAreRightToLeft() throws Exception {
        HttpResponse<String> page =
                get(authorize("&ui_locales=" + URLEncoder.encode("ar-EG en", StandardCharsets.UTF_8)), null);

        assertThat(page.body())
                .contains("<html lang=\"ar\" dir=\"rtl\">", "<h1>تسجيل الدخول عبر Civis</h1>")
                .contains("<title>تسجيل الدخول");
    }

    @Test
    void theBrowsersAcceptLanguageChoosesWhenNothingElseDoes() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(authorize("")))
                .header("Accept-Language", "de-DE, sw;q=0.9, en;q=0.5")
                .GET()
                .build();

        HttpResponse<String> page = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(page.body()).contains("<html lang=\"sw\" dir=\"ltr\">", "Ingia kwa Civis");
    }

    @Test
    void theStylesheetIsServedUnderAVersionedNameForAYear() throws Exception {
        Matcher link = Pattern.compile("<link rel=\"stylesheet\" href=\"(/assets/civis\\.[0-9a-f]{10}\\.css)\">")
                .matcher(get(authorize(""), null).body());
        assertThat(link.find()).isTrue();

        HttpResponse<String> css = get(link.group(1), null);
        HttpResponse<String> plain = get("/assets/civis.css", null);

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(css.body()).contains(":focus-visible");
        assertThat(plain.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(get("/assets/other.css", null).statusCode()).isEqualTo(404);
    }

    private static String authorize(String more) {
        return "/oidc/authorize?client_id=" + ScriptedSignInFlow.CLIENT_ID + "&response_type=code" + more;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String cookie) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + path);
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /** The {@code name=value} pair of the sign-in cookie, to send back. */
    private static String cookiePair(HttpResponse<?> response) {
        return setCookie(response, "__Host-civis-signin").split(";", 2)[0];
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">")
                .matcher(html);
        assertThat(token.find()).as("a CSRF field").isTrue();
        return token.group(1);
    }
}
