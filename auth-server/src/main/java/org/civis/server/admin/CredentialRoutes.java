package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.civis.auth.credential.CredentialService;
import org.civis.auth.credential.IssuedCard;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;
import org.civis.issuer.CredentialSizes;
import org.civis.issuer.IssuedCredential;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.IssuerKeyRing;
import org.civis.issuer.keys.SigningAlgorithm;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;

/** QR credentials and cards of identities, and the rotation of the issuer's signing key. */
final class CredentialRoutes {
    private final CredentialService credentials;

    CredentialRoutes(CredentialService credentials) {
        this.credentials = credentials;
    }

    void mount(Router router) {
        router.post("/v1/identities/:uin/credentials").handler(this::issue);
        router.get("/v1/identities/:uin/card.png").handler(this::card);
        router.post("/v1/issuer/keys/rotate").handler(this::rotate);
    }

    private void issue(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<IssuedCard>> issued = RequestIds.uin(ctx).then(uin -> JsonBody.optional(ctx)
                .flatMap(body -> body.allowOnly().parsed(() -> uin))
                .then(valid -> credentials.issue(uin, operator)));
        Replies.json(ctx, issued, CredentialRoutes::json);
    }

    private void card(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<CredentialService.CardImage>> card =
                RequestIds.uin(ctx).then(uin -> credentials.card(uin, operator));
        Replies.answer(ctx, card, image -> ctx.response()
                .putHeader("content-type", "image/png")
                .putHeader("cache-control", "no-store") // a card is personal data
                .putHeader(
                        "x-civis-credential-id",
                        image.card().record().credentialId().toString())
                .end(io.vertx.core.buffer.Buffer.buffer(image.png())));
    }

    private void rotate(RoutingContext ctx) {
        Result<Optional<SigningAlgorithm>> asked = JsonBody.optional(ctx).flatMap(body -> {
            body.allowOnly("alg");
            Optional<SigningAlgorithm> algorithm = body.string("alg", false).flatMap(name -> {
                Optional<SigningAlgorithm> known = SigningAlgorithm.byJoseName(name);
                if (known.isEmpty()) {
                    body.add("alg", ViolationCode.FIELD_VALUE_NOT_ALLOWED, "must be EdDSA or ES256");
                }
                return known;
            });
            return body.parsed(() -> algorithm);
        });
        Replies.json(ctx, asked.thenAccept(credentials::rotateKeys), CredentialRoutes::json);
    }

    private static JsonObject json(IssuedCard card) {
        IssuedCredential credential = card.credential();
        CredentialSizes sizes = credential.sizes();
        return new JsonObject()
                .put("credentialId", card.record().credentialId().toString())
                .put("uin", card.record().uin().value())
                .put("identityVersion", card.record().identityVersion())
                .put("reused", card.reused())
                .put("qrText", credential.qrText())
                .put("kid", credential.kid())
                .put("alg", credential.algorithm().joseName())
                .put("issuedAt", card.record().issuedAt().toString())
                .put("expiresAt", card.record().expiresAt().toString())
                .put(
                        "status",
                        new JsonObject()
                                .put("uri", card.statusListUri())
                                .put("idx", card.record().listIndex()))
                .put("photo", credential.photo().status().name())
                .put("qrVersion", sizes.qrVersion())
                .put(
                        "sizes",
                        new JsonObject()
                                .put("photoBytes", sizes.photoBytes())
                                .put("cwtBytes", sizes.cwtBytes())
                                .put("compressedBytes", sizes.compressedBytes())
                                .put("base45Chars", sizes.base45Chars()));
    }

    private static JsonObject json(IssuerKeyRing ring) {
        JsonArray keys = new JsonArray();
        for (IssuerKey key : ring.keys()) {
            keys.add(new JsonObject()
                    .put("kid", key.kid())
                    .put("alg", key.algorithm().joseName())
                    .put("signing", key == ring.current()));
        }
        return new JsonObject()
                .put("kid", ring.current().kid())
                .put("alg", ring.current().algorithm().joseName())
                .put("keys", keys);
    }
}
