package org.civis.oidc.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civis.core.id.IndividualId;
import org.civis.core.id.Uin;
import org.civis.core.id.Vid;
import org.civis.oidc.flow.SignInFlow.Stage;

/**
 * A sign-in as the cluster holds it between two pages: the checked request, the CSRF token, where
 * it stands, whom it names once identified, what was proven, and the wrong answers counted.
 *
 * @param uin empty before identification, and after an identification that resolved nothing (the
 *     page still asks for a code, so that it does not tell whether the identity exists)
 */
record SignInState(
        SignInRequest request,
        String clientName,
        String csrf,
        Stage stage,
        Optional<Uin> uin,
        Optional<IndividualId.Type> idType,
        Optional<Vid> countedVid,
        List<String> maskedContacts,
        List<String> amr,
        Optional<Instant> authTime,
        int identifications,
        int wrongAnswers) {

    SignInState {
        maskedContacts = List.copyOf(maskedContacts);
        amr = List.copyOf(amr);
    }

    static SignInState begin(SignInRequest request, String clientName, String csrf) {
        return new SignInState(
                request,
                clientName,
                csrf,
                Stage.IDENTIFY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                0,
                0);
    }

    boolean needsKnowledge() {
        return request.acr().equals(SignInFlow.ACR_GENERATED_CODE_AND_KNOWLEDGE);
    }

    SignInState identifying() {
        return new SignInState(
                request,
                clientName,
                csrf,
                stage,
                uin,
                idType,
                countedVid,
                maskedContacts,
                amr,
                authTime,
                identifications + 1,
                wrongAnswers);
    }

    /** @param vid the VID named, when it has a use limit: one use is counted when the sign-in ends */
    SignInState awaitingCode(Optional<Uin> who, IndividualId.Type type, Optional<Vid> vid, List<String> masked) {
        return new SignInState(
                request,
                clientName,
                csrf,
                Stage.CODE,
                who,
                Optional.of(type),
                vid,
                masked,
                List.of(),
                Optional.empty(),
                identifications,
                0);
    }

    SignInState wrong() {
        return new SignInState(
                request,
                clientName,
                csrf,
                stage,
                uin,
                idType,
                countedVid,
                maskedContacts,
                amr,
                authTime,
                identifications,
                wrongAnswers + 1);
    }

    /** One more method proven ({@code otp}, {@code kba}); the answers start counting afresh. */
    SignInState proven(String method, Stage next, Instant at) {
        List<String> methods = new ArrayList<>(amr);
        methods.add(method);
        return new SignInState(
                request,
                clientName,
                csrf,
                next,
                uin,
                idType,
                countedVid,
                maskedContacts,
                methods,
                Optional.of(authTime.orElse(at)),
                identifications,
                0);
    }

    SignInState at(Stage next) {
        return new SignInState(
                request,
                clientName,
                csrf,
                next,
                uin,
                idType,
                countedVid,
                maskedContacts,
                amr,
                authTime,
                identifications,
                wrongAnswers);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("request", request.toJson())
                .put("clientName", clientName)
                .put("csrf", csrf)
                .put("stage", stage.name())
                .put("maskedContacts", new JsonArray(maskedContacts))
                .put("amr", new JsonArray(amr))
                .put("identifications", identifications)
                .put("wrongAnswers", wrongAnswers);
        uin.ifPresent(u -> json.put("uin", u.value()));
        idType.ifPresent(t -> json.put("idType", t.name()));
        countedVid.ifPresent(v -> json.put("countedVid", v.value()));
        authTime.ifPresent(t -> json.put("authTime", t.toEpochMilli()));
        return json;
    }

    static SignInState fromJson(JsonObject json) {
        return new SignInState(
                SignInRequest.fromJson(json.getJsonObject("request")),
                json.getString("clientName"),
                json.getString("csrf"),
                Stage.valueOf(json.getString("stage")),
                Optional.ofNullable(json.getString("uin")).map(Uin::new),
                Optional.ofNullable(json.getString("idType")).map(IndividualId.Type::valueOf),
                Optional.ofNullable(json.getString("countedVid")).map(Vid::new),
                strings(json.getJsonArray("maskedContacts")),
                strings(json.getJsonArray("amr")),
                Optional.ofNullable(json.getLong("authTime")).map(Instant::ofEpochMilli),
                json.getInteger("identifications"),
                json.getInteger("wrongAnswers"));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).toList();
    }

    @Override
    public String toString() { // no UIN, no CSRF token
        return "SignInState[" + request.clientId() + ", " + stage + "]";
    }
}
