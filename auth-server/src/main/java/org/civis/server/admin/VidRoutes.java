package org.civis.server.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.civis.core.refusal.Result;
import org.civis.core.vid.VidService;
import org.civis.core.vid.VirtualId;
import org.civis.server.http.JsonBody;
import org.civis.server.http.Replies;
import org.civis.server.registry.RegistryJson;
import org.civis.server.registry.VidRequestBody;

/** Creating, listing, looking up and revoking virtual IDs. */
final class VidRoutes {
    private static final long MAX_VALIDITY_SECONDS = Duration.ofDays(366).toSeconds();
    private final VidService vids;
    private final Clock clock;

    VidRoutes(VidService vids, Clock clock) {
        this.vids = vids;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post("/v1/identities/:uin/vids").handler(this::create);
        router.get("/v1/identities/:uin/vids")
                .handler(ctx -> Replies.json(
                        ctx,
                        RequestIds.uin(ctx).then(uin -> vids.list(uin, RequestIds.actor(ctx))),
                        all -> new JsonObject()
                                .put(
                                        "vids",
                                        new JsonArray(all.stream()
                                                .map(v -> RegistryJson.vid(v, clock.instant()))
                                                .toList()))));
        router.get("/v1/vids/:vid")
                .handler(ctx -> Replies.json(
                        ctx,
                        RequestIds.vid(ctx).then(vid -> vids.find(vid, RequestIds.actor(ctx))),
                        v -> RegistryJson.vid(v, clock.instant())));
        router.post("/v1/vids/:vid/revoke")
                .handler(ctx -> Replies.json(
                        ctx,
                        RequestIds.vid(ctx).then(vid -> vids.revoke(vid, RequestIds.actor(ctx))),
                        v -> RegistryJson.vid(v, clock.instant())));
    }

    private void create(RoutingContext ctx) {
        String operator = RequestIds.actor(ctx);
        Future<Result<VirtualId>> created = RequestIds.uin(ctx).then(uin -> JsonBody.of(ctx)
                .flatMap(VidRequestBody::read)
                .then(request -> vids.create(uin, request, operator)));
        Replies.json(ctx, created, v -> RegistryJson.vid(v, clock.instant()));
    }
}
