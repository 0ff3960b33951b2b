package org.civis.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OidcClaimsTest {
    private static final List<String> LANGUAGES = List.of("eng", "fra", "ara");

    private static final JsonObject FIELDS = new JsonObject()
            .put("fullName", new JsonObject().put("fra", "Amina Diallo (fr)").put("eng", "Amina Diallo"))
            .put("dateOfBirth", "1990-04-01")
            .put("gender", "female")
            .put("address", new JsonObject().put("fra", "1 rue de la Paix"))
            .put("phone", "+221771234567")
            .put("email", "amina@example.org")
            .put("photo", new JsonObject().put("format", "png").put("data", "iVBORw0KGgo="))
            .put("nationality", "SEN");

    @Test
    void scopesAskForTheirStandardClaims() {
        assertThat(OidcClaims.forScopes(Set.of("openid", "profile")))
                .containsExactlyInAnyOrder("name", "birthdate", "gender", "picture");
        assertThat(OidcClaims.forScopes(Set.of("openid", "email", "phone", "address", "unknown")))
                .containsExactlyInAnyOrder("email", "phone_number", "address");
        assertThat(OidcClaims.forScopes(Set.of("openid"))).isEmpty();
    }

    @Test
    void aPolicyAllowsTheClaimsOfItsKycAttributesOnly() {
        assertThat(OidcClaims.claimsFor(Set.of("fullName", "dateOfBirth", "nationality", "fingerprints")))
                .containsExactlyInAnyOrder("name", "birthdate");
        assertThat(OidcClaims.fieldsFor(Set.of("name", "picture", "sub", "phone_number")))
                .containsExactlyInAnyOrder("fullName", "photo", "phone");
    }

    @Test
    void everySupportedClaimMapsToAFieldAndBack() {
        assertThat(OidcClaims.claimsFor(OidcClaims.fieldsFor(OidcClaims.SUPPORTED)))
                .isEqualTo(OidcClaims.SUPPORTED);
        assertThat(OidcClaims.SUPPORTED).hasSize(7);
    }

    @Test
    void valuesFollowTheSchemaLanguagesAndTheStandardShapes() {
        JsonObject values = OidcClaims.values(FIELDS, OidcClaims.SUPPORTED, LANGUAGES);

        assertThat(values)
                .isEqualTo(new JsonObject()
                        .put("name", "Amina Diallo")
                        .put("name#fra", "Amina Diallo (fr)")
                        .put("birthdate", "1990-04-01")
                        .put("gender", "female")
                        .put("picture", "data:image/png;base64,iVBORw0KGgo=")
                        .put("email", "amina@example.org")
                        .put("phone_number", "+221771234567")
                        .put("address", new JsonObject().put("formatted", "1 rue de la Paix")));
    }

    @Test
    void onlyTheClaimsAskedForAreReleased() {
        JsonObject values = OidcClaims.values(FIELDS, Set.of("birthdate", "email"), LANGUAGES);

        assertThat(values)
                .isEqualTo(new JsonObject().put("birthdate", "1990-04-01").put("email", "amina@example.org"));
    }

    @Test
    void anAbsentFieldIsLeftOutAndNameFallsToTheFirstLanguagePresent() {
        JsonObject fields = new JsonObject()
                .put("fullName", new JsonObject().put("ara", "أمينة").put("fra", "Amina"))
                .put("photo", new JsonObject().put("format", "gif").put("data", "R0lG"));

        JsonObject values = OidcClaims.values(fields, OidcClaims.SUPPORTED, LANGUAGES);

        assertThat(values).isEqualTo(new JsonObject().put("name", "Amina").put("name#ara", "أمينة"));
    }
}
