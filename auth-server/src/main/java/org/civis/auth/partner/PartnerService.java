package org.civis.auth.partner;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.civis.core.audit.AuditAction;
import org.civis.core.audit.AuditEvent;
import org.civis.core.audit.AuditLog;
import org.civis.core.refusal.Result;

/**
 * Registers partners and changes them, each change audited and committed, then handed to the
 * directory so that every node sees it on its next request.
 */
public final class PartnerService {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final AuditLog audit;
    private final PartnerChanges directory;
    private final Set<String> identityFields;
    private final Clock clock;

    public PartnerService(Pool pool, PartnerChanges directory, Set<String> identityFields, Clock clock) {
        this.pool = pool;
        this.audit = new AuditLog(clock);
        this.directory = directory;
        this.identityFields = Set.copyOf(identityFields);
        this.clock = clock;
    }

    /** A registered partner and its API key, which is shown this once and never stored. */
    public record Registration(Partner partner, String apiKey) {}

    /** Refused with PARTNER_KEY_INVALID, PARTNER_POLICY_INVALID or PARTNER_EXISTS. */
    public Future<Result<Registration>> register(
            PartnerId id,
            String name,
            List<JWK> signingKeys,
            Optional<JWK> encryptionKey,
            PartnerPolicy policy,
            String actor) {
        if (signingKeys.isEmpty()) {
            return Result.refuseNow(PartnerError.PARTNER_KEY_INVALID, "register at least one signing key");
        }
        String apiKey = ApiKeys.newKey(id);
        Partner partner = new Partner(
                id, name, PartnerStatus.ACTIVE, ApiKeys.digest(apiKey), signingKeys, encryptionKey, policy, 1);
        return check(partner)
                .compose(checked -> checked.then(valid -> insert(valid, actor)))
                .compose(inserted -> inserted.thenAccept(
                        registered -> directory.publish(registered).map(new Registration(registered, apiKey))));
    }

    /** The new partner's row; a taken id is the one refusal the database itself reports. */
    private Future<Result<Partner>> insert(Partner partner, String actor) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> tx.preparedQuery("insert into partners (partner_id, name, status,"
                                + " api_key_hash, signing_keys, encryption_key, policy, revision, created_at, updated_at)"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)")
                        .execute(row(partner).addOffsetDateTime(now))
                        .compose(v -> audit.append(tx, event(actor, AuditAction.PARTNER_REGISTERED, partner))))
                .transform(done -> {
                    if (done.succeeded()) {
                        return Result.acceptNow(partner);
                    }
                    return done.cause() instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                            ? Result.refuseNow(PartnerError.PARTNER_EXISTS, "a partner with this id exists")
                            : Future.failedFuture(done.cause());
                });
    }

    public Future<Optional<Partner>> find(PartnerId id) {
        return load(pool, id);
    }

    /** The partner as stored, for the directory's loads on a miss. */
    static Future<Optional<Partner>> load(Pool pool, PartnerId id) {
        return pool.withConnection(c -> read(c, id, false));
    }

    /** Refused with PARTNER_NOT_FOUND. */
    public Future<Result<Partner>> setStatus(PartnerId id, PartnerStatus status, String actor) {
        AuditAction action =
                status == PartnerStatus.ACTIVE ? AuditAction.PARTNER_ACTIVATED : AuditAction.PARTNER_SUSPENDED;
        return change(
                id,
                p -> Result.accepted(with(p, status, p.apiKeyDigest(), p.signingKeys(), p.policy())),
                action,
                actor);
    }

    /** Refused with PARTNER_NOT_FOUND or PARTNER_POLICY_INVALID. */
    public Future<Result<Partner>> setPolicy(PartnerId id, PartnerPolicy policy, String actor) {
        return change(
                id,
                p -> Result.accepted(with(p, p.status(), p.apiKeyDigest(), p.signingKeys(), policy)),
                AuditAction.PARTNER_POLICY_CHANGED,
                actor);
    }

    /** A new API key; the old one stops working at once. Refused with PARTNER_NOT_FOUND. */
    public Future<Result<String>> rotateApiKey(PartnerId id, String actor) {
        String apiKey = ApiKeys.newKey(id);
        byte[] digest = ApiKeys.digest(apiKey);
        return change(
                        id,
                        p -> Result.accepted(with(p, p.status(), digest, p.signingKeys(), p.policy())),
                        AuditAction.PARTNER_API_KEY_ROTATED,
                        actor)
                .map(changed -> changed.map(p -> apiKey));
    }

    /** Adds a signing key; requests signed with the older keys keep working until they are removed. */
    public Future<Result<Partner>> addSigningKey(PartnerId id, JWK key, String actor) {
        return change(
                id,
                p -> {
                    List<JWK> keys = new ArrayList<>(p.signingKeys());
                    keys.removeIf(k -> k.getKeyID().equals(key.getKeyID()));
                    keys.add(key);
                    return Result.accepted(with(p, p.status(), p.apiKeyDigest(), keys, p.policy()));
                },
                AuditAction.PARTNER_SIGNING_KEY_ADDED,
                actor);
    }

    /** Refused with PARTNER_NOT_FOUND, PARTNER_SIGNING_KEY_NOT_FOUND or PARTNER_LAST_SIGNING_KEY. */
    public Future<Result<Partner>> removeSigningKey(PartnerId id, String kid, String actor) {
        return change(
                id,
                p -> {
                    List<JWK> keys = new ArrayList<>(p.signingKeys());
                    if (!keys.removeIf(k -> k.getKeyID().equals(kid))) {
                        return Result.refused(
                                PartnerError.PARTNER_SIGNING_KEY_NOT_FOUND,
                                "the partner has no signing key with this kid");
                    }
                    if (keys.isEmpty()) {
                        return Result.refused(
                                PartnerError.PARTNER_LAST_SIGNING_KEY,
                                "add the new signing key before removing the last one");
                    }
                    return Result.accepted(with(p, p.status(), p.apiKeyDigest(), keys, p.policy()));
                },
                AuditAction.PARTNER_SIGNING_KEY_REMOVED,
                actor);
    }

    /** Applies {@code edit} to the stored partner; a refusal (of the edit or the check) writes nothing. */
    private Future<Result<Partner>> change(
            PartnerId id, Function<Partner, Result<Partner>> edit, AuditAction action, String actor) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return pool.withTransaction(tx -> read(tx, id, true).compose(found -> {
                    if (found.isEmpty()) {
                        return Result.<Partner>refuseNow(PartnerError.PARTNER_NOT_FOUND, "no partner has this id");
                    }
                    return Future.succeededFuture(edit.apply(found.get()))
                            .compose(edited -> edited.then(this::check))
                            .compose(checked -> checked.thenAccept(changed -> tx.preparedQuery(
                                            "update partners set name = $2, status = $3, api_key_hash = $4,"
                                                    + " signing_keys = $5, encryption_key = $6, policy = $7, revision = $8, updated_at = $9"
                                                    + " where partner_id = $1")
                                    .execute(row(changed).addOffsetDateTime(now))
                                    .compose(v -> audit.append(tx, event(actor, action, changed)))
                                    .map(changed)));
                }))
                .compose(done ->
                        done.thenAccept(changed -> directory.publish(changed).map(changed)));
    }

    private Future<Result<Partner>> check(Partner partner) {
        // An OpenID client receives its claims through userinfo (over TLS, or encrypted when it
        // registered a key), so it needs no encryption key; /v1/kyc refuses a partner without one.
        if (!partner.policy().kycAttributes().isEmpty()
                && partner.encryptionKey().isEmpty()
                && partner.policy().oidc().isEmpty()) {
            return Result.refuseNow(
                    PartnerError.PARTNER_POLICY_INVALID,
                    "e-KYC needs the partner's encryption key: register one first");
        }
        boolean encryptedUserinfo = partner.policy()
                .oidc()
                .filter(o -> o.userinfoResponse() == OidcPolicy.UserinfoResponse.SIGNED_AND_ENCRYPTED)
                .isPresent();
        if (encryptedUserinfo && partner.encryptionKey().isEmpty()) {
            return Result.refuseNow(
                    PartnerError.PARTNER_POLICY_INVALID,
                    "encrypted userinfo needs the partner's encryption key: register one first");
        }
        if (!identityFields.containsAll(partner.policy().kycAttributes())) {
            // The message does not repeat the attribute: it is the client's text.
            return Result.refuseNow(
                    PartnerError.PARTNER_POLICY_INVALID,
                    "policy.kycAttributes names an attribute that is not a field of the ID schema");
        }
        return Result.acceptNow(partner);
    }

    private static Partner with(Partner p, PartnerStatus status, byte[] digest, List<JWK> keys, PartnerPolicy policy) {
        return new Partner(p.id(), p.name(), status, digest, keys, p.encryptionKey(), policy, p.revision() + 1);
    }

    private static AuditEvent event(String actor, AuditAction action, Partner partner) {
        return AuditEvent.of(actor, action, "partner:" + partner.id().value()).with("revision", partner.revision());
    }

    private static Tuple row(Partner p) {
        JsonArray keys = new JsonArray();
        p.signingKeys().forEach(k -> keys.add(new JsonObject(k.toPublicJWK().toJSONString())));
        return Tuple.tuple()
                .addString(p.id().value())
                .addString(p.name())
                .addString(p.status().name())
                .addValue(io.vertx.core.buffer.Buffer.buffer(p.apiKeyDigest()))
                .addValue(keys)
                .addValue(p.encryptionKey()
                        .map(k -> new JsonObject(k.toPublicJWK().toJSONString()))
                        .orElse(null))
                .addValue(p.policy().toJson())
                .addLong(p.revision());
    }

    private static Future<Optional<Partner>> read(SqlConnection c, PartnerId id, boolean forUpdate) {
        return c.preparedQuery("select name, status, api_key_hash, signing_keys, encryption_key, policy, revision"
                        + " from partners where partner_id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id.value()))
                .map(rows -> rows.rowCount() == 0
                        ? Optional.empty()
                        : Optional.of(partner(id, rows.iterator().next())));
    }

    private static Partner partner(PartnerId id, Row r) {
        JsonObject json = new JsonObject()
                .put("partnerId", id.value())
                .put("name", r.getString("name"))
                .put("status", r.getString("status"))
                .put(
                        "apiKeyDigest",
                        java.util.Base64.getEncoder()
                                .encodeToString(r.getBuffer("api_key_hash").getBytes()))
                .put("signingKeys", r.getJsonArray("signing_keys"))
                .put("policy", r.getJsonObject("policy"))
                .put("revision", r.getLong("revision"));
        Object encryption = r.getValue("encryption_key");
        if (encryption instanceof JsonObject key) {
            json.put("encryptionKey", key);
        }
        return Partner.fromCacheJson(json.encode());
    }
}
