package org.civis.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Renders the server's pages: the templates under {@code src/main/jte}, compiled into classes at
 * build time (nothing is compiled at run time), with the security headers, in the language the
 * request asks for. One instance per server; thread-safe.
 */
public final class Pages {
    /** The package the jte-maven-plugin generates the templates into (auth-server's pom). */
    private static final String TEMPLATES = "org.civis.server.web.templates";

    private final TemplateEngine engine;
    private final Messages messages;
    private final Assets assets;

    private Pages(TemplateEngine engine, Messages messages, Assets assets) {
        this.engine = engine;
        this.messages = messages;
        this.assets = assets;
    }

    /** Pages in {@code languages} (the ID schema's, ISO 639-3, default first). */
    public static Pages create(List<String> languages) {
        TemplateEngine engine =
                TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATES);
        return new Pages(engine, Messages.forLanguages(languages), Assets.load());
    }

    public Messages messages() {
        return messages;
    }

    /** Serves the pages' static files under {@code /assets/}; mount once per router. */
    public void mountAssets(io.vertx.ext.web.Router router) {
        assets.mount(router);
    }

    /**
     * The frame of a page for this request, in the language it asks for (see
     * {@link Messages#choose}); an explicit {@code ?lang=} is remembered in a cookie.
     *
     * @param uiLocales the client's {@code ui_locales}, best first (empty when none)
     * @param titleKey the text key of the page's title
     * @param switchPath where the language links lead, or empty for none
     */
    public PageFrame frame(RoutingContext ctx, List<String> uiLocales, String titleKey, String switchPath) {
        Optional<String> asked =
                Optional.ofNullable(ctx.request().getParam("lang")).flatMap(messages::offered);
        asked.ifPresent(language -> Cookies.setLanguage(ctx.response(), language));
        String language = messages.choose(
                asked,
                Cookies.language(ctx.request()),
                uiLocales,
                Optional.ofNullable(ctx.request().getHeader("Accept-Language")));
        Texts texts = messages.texts(language);
        List<PageFrame.LanguageLink> links = messages.languages().stream()
                .map(other -> new PageFrame.LanguageLink(
                        other,
                        Messages.htmlLang(other),
                        Messages.nativeName(other),
                        switchPath + "?lang=" + URLEncoder.encode(other, StandardCharsets.UTF_8),
                        other.equals(language)))
                .toList();
        return new PageFrame(
                language,
                Messages.htmlLang(language),
                Messages.rightToLeft(language) ? "rtl" : "ltr",
                texts.get(titleKey),
                assets.url("civis.css"),
                texts,
                switchPath,
                links);
    }

    /** Answers with {@code template} (its path under src/main/jte, e.g. {@code signin/identify.jte}) rendered on {@code model}. */
    public void render(RoutingContext ctx, int status, String template, Object model) {
        StringOutput html = new StringOutput(4096);
        engine.render(template, model, html);
        SecurityHeaders.page(ctx.response());
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end(html.toString());
    }
}
