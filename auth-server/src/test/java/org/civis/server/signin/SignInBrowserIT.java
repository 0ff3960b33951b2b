package org.civis.server.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civis.core.registry.Residents;
import org.civis.oidc.flow.SignInFlow;
import org.civis.server.CivisServer;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Sign in with Civis" as a resident meets it: a relying party (the Nimbus SDK, with PKCE and
 * private_key_jwt) sends headless Chromium to a real server; the resident types the UIN, the code
 * from the development outbox, allows the release of the claims, and comes back to the party's
 * loopback callback with a code, which the party exchanges for an ID token it validates and an
 * access token it reads userinfo with. Screenshots of the pages at 360 px go to docs/screenshots.
 *
 * <p>Runs on Debian's chromium and chromedriver. Without them the test is skipped on a developer's
 * machine, and fails under CI ({@code CI=true}), where .ci/run installs them.
 */
class SignInBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @TempDir
    Path work;

    private CivisServer server;
    private HttpServer callback;
    private final CompletableFuture<URI> redirected = new CompletableFuture<>();
    private WebDriver browser;

    @BeforeEach
    void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but chromium or chromedriver is missing: install chromium and "
                    + "chromium-driver (.ci/run does so as root)");
        }
        assumeTrue(present, "chromium and chromedriver are not installed: browser test skipped");
        Map<String, String> env = TestServers.environment(work.resolve("civis-data"));
        // The issuer as a deployment names it; the browser reaches it at localhost, a secure context
        // where Chromium keeps the __Host- sign-in cookie without TLS.
        env.put("CIVIS_PUBLIC_BASE_URL", "http://localhost:" + env.get("CIVIS_PUBLIC_PORT"));
        server = CivisServer.start(ConfigLoader.load(env));
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/cb", exchange -> {
            redirected.complete(URI.create("http://127.0.0.1:"
                    + callback.getAddress().getPort() + exchange.getRequestURI().toString()));
            byte[] page =
                    "<!DOCTYPE html><title>Example Bank</title><p>Signed in.</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callback.start();
        browser = chromium(work.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (callback != null) {
            callback.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResidentSignsInWithTheirUinAndACodeAndTheRelyingPartyGetsAValidIdTokenAndUserinfo() throws Exception {
        // Given a relying party registered as a partner allowed OpenID Connect, and an enrolled resident
        URI redirectUri = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/cb");
        TestPartner bank = TestPartner.create("example-bank", true);
        HttpClientForTests admin = TestServers.adminClient(server);
        Reply registered = admin.post(
                "/v1/partners", bank.registration(policy(redirectUri)).put("name", "Example Bank"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonObject resident = Residents.full(7);
        Reply enrolled = admin.post(
                "/v1/enrollments",
                new JsonObject()
                        .put("registrationId", "reg-" + UUID.randomUUID())
                        .put("identity", resident));
        assertThat(enrolled.json().getString("status")).as(enrolled.body()).isEqualTo("ISSUED");
        String uin = enrolled.json().getString("uin");

        Issuer issuer = new Issuer("http://localhost:" + server.config().publicPort());
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(issuer); // checks the issuer it names
        ClientID clientId = new ClientID(bank.id);
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        URI authorize = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope("openid", "profile", "email"),
                        clientId,
                        redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();

        // When the resident signs in through the pages
        browser.get(authorize.toString());
        WebElement number = waitFor(By.id("individualId"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in with Civis");
        screenshot("signin-identify.png");
        // The stylesheet got past the CSP: the button has the page's colour, not the browser's grey.
        assertThat(browser.findElement(By.cssSelector("button.primary")).getCssValue("background-color"))
                .isEqualTo("rgba(11, 92, 173, 1)");
        number.sendKeys(uin, Keys.ENTER); // the keyboard alone submits each form

        WebElement code = waitFor(By.id("code"));
        assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(resident.getString("phone"));
        screenshot("signin-code.png");
        code.sendKeys(lastCodeSentTo(resident.getString("phone")), Keys.ENTER);

        WebElement allow = waitFor(By.cssSelector("button[value=allow]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Example Bank asks for your details");
        assertThat(browser.findElements(By.cssSelector("ul.claims li")))
                .extracting(WebElement::getText)
                .contains("Your full name", "Your date of birth", "Your e-mail address");
        screenshot("signin-consent.png");
        allow.click();

        // Then the browser comes back to the relying party with a code for it
        URI back = redirected.get(30, TimeUnit.SECONDS);
        AuthorizationSuccessResponse answer = AuthorizationResponse.parse(back).toSuccessResponse();
        assertThat(answer.getState()).isEqualTo(state);
        assertThat(answer.getIssuer()).isEqualTo(issuer);
        AuthorizationCode authorizationCode = answer.getAuthorizationCode();
        assertThat(back.toString()).doesNotContain(uin);

        // and exchanges it, authenticated by its own key, for tokens
        ECKey key = (ECKey) bank.signingKey;
        PrivateKeyJWT clientAuth = new PrivateKeyJWT(
                clientId,
                provider.getTokenEndpointURI(),
                JWSAlgorithm.ES256,
                key.toECPrivateKey(),
                key.getKeyID(),
                null);
        OIDCTokenResponse tokens = OIDCTokenResponse.class.cast(OIDCTokenResponseParser.parse(new TokenRequest(
                                provider.getTokenEndpointURI(),
                                clientAuth,
                                new AuthorizationCodeGrant(authorizationCode, redirectUri, verifier))
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse());

        IDTokenValidator validator = new IDTokenValidator(
                issuer, clientId, JWSAlgorithm.RS256, provider.getJWKSetURI().toURL());
        IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertThat(idToken.getACR().getValue()).isEqualTo(SignInFlow.ACR_GENERATED_CODE);
        assertThat(idToken.getAMR()).extracting(Object::toString).containsExactly("otp");
        assertThat(idToken.getSubject().getValue()).isNotEqualTo(uin).isNotBlank();

        AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
        UserInfo userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken)
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse()
                .getUserInfo();
        assertThat(userInfo.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(userInfo.getName())
                .isEqualTo(resident.getJsonObject("fullName").getString("eng"));
        assertThat(userInfo.getBirthdate()).isEqualTo(resident.getString("dateOfBirth"));
        assertThat(userInfo.getEmailAddress()).isEqualTo(resident.getString("email"));
    }

    /** A partner allowed OTP and OpenID Connect, with the e-KYC fields behind profile and email. */
    private static JsonObject policy(URI redirectUri) {
        return new JsonObject()
                .put("authTypes", new JsonArray(List.of("OTP", "DEMO")))
                .put("requestsPerSecond", 1000)
                .put("kycAttributes", new JsonArray(List.of("fullName", "dateOfBirth", "gender", "email")))
                .put("oidc", new JsonObject().put("redirectUris", new JsonArray().add(redirectUri.toString())));
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--user-data-dir=" + profile,
                "--window-size=360,800");
        // Headless Chromium does not make a window narrower than 500 px: the phone's 360 px viewport
        // is emulated instead, as DevTools' device mode does.
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 360, "height", 800, "pixelRatio", 1.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The page as a 360 px phone shows it, for the README. */
    private void screenshot(String name) throws IOException {
        Path directory = screenshots();
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** docs/screenshots of the repository, whether the test runs from the module or the root. */
    private static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    /** The last code the development outbox holds for {@code contact}. */
    private String lastCodeSentTo(String contact) {
        Path outbox = server.config().dataDir().resolve("outbox").resolve("otp.jsonl");
        try {
            List<String> lines = Files.readAllLines(outbox);
            for (int i = lines.size() - 1; i >= 0; i--) {
                JsonObject message = new JsonObject(lines.get(i));
                if (message.getString("to").equals(contact)) {
                    Matcher code = CODE.matcher(message.getString("text"));
                    assertThat(code.find()).isTrue();
                    return code.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no code was sent to this contact");
    }
}
