package org.civis.auth.transaction;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import org.civis.core.id.Uin;

/** A resident's own authentication history, newest first. */
public final class AuthHistory {
    private final Pool pool;

    public AuthHistory(Pool pool) {
        this.pool = pool;
    }

    public Future<JsonArray> of(Uin uin, int limit) {
        return pool.preparedQuery("select at, partner_id, transaction_id, kind, id_type, auth_types, success, errors"
                        + " from auth_transactions where uin = $1 order by at desc, id desc limit $2")
                .execute(Tuple.of(uin.value(), limit))
                .map(rows -> {
                    JsonArray entries = new JsonArray();
                    rows.forEach(r -> entries.add(new JsonObject()
                            .put("at", r.getOffsetDateTime("at").toInstant().toString())
                            .put("partnerId", r.getString("partner_id"))
                            .put("transactionId", r.getString("transaction_id"))
                            .put("kind", r.getString("kind"))
                            .put("idType", r.getString("id_type"))
                            .put("authTypes", new JsonArray(Arrays.asList(r.getArrayOfStrings("auth_types"))))
                            .put("success", r.getBoolean("success"))
                            .put("errors", new JsonArray(Arrays.asList(r.getArrayOfStrings("errors"))))));
                    return entries;
                });
    }
}
