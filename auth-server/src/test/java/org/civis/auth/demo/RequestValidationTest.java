package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.auth.demo.Residents.SCHEMA;
import static org.civis.auth.demo.Residents.graceData;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private final DemographicMatcher matcher = new DemographicMatcher(SCHEMA);

    private DemoResult exact(JsonObject requested) {
        return matcher.match(graceData(), requested, MatchStrategy.EXACT, Optional.empty(), NamePolicy.EXACT_ONLY);
    }

    @Test
    void anEmptyRequestIsRefusedAsHavingNoFields() {
        DemoResult result = exact(new JsonObject());

        assertThat(result.matched()).isFalse();
        assertThat(result.outcomes()).containsExactly(FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_NO_FIELDS));
    }

    @Test
    void fieldsOutsideTheSchemaAndBiometricFieldsAreUnknown() {
        JsonObject requested = new JsonObject()
                .put("favouriteColour", "green")
                .put("photo", new JsonObject().put("format", "png").put("data", "iVBORw0KGgo="))
                .put("fingerprints", new JsonArray())
                .put("dateOfBirth", "1990-04-17");

        DemoResult result = exact(requested);

        assertThat(result.matched()).isFalse();
        assertThat(result.outcomes())
                .containsExactly(
                        FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_FIELD_UNKNOWN),
                        FieldOutcome.of("photo", DemoCode.DEMO_FIELD_UNKNOWN),
                        FieldOutcome.of("fingerprints", DemoCode.DEMO_FIELD_UNKNOWN),
                        FieldOutcome.of("dateOfBirth", DemoCode.MATCHED));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreInvalid() {
        JsonObject requested = new JsonObject()
                .put("fullName", "Grace Wanjiru Mwangi")
                .put("dateOfBirth", 19900417)
                .put("gender", new JsonObject().put("eng", "female"))
                .put("address", new JsonObject().put("eng", 12))
                .putNull("phone");

        assertThat(exact(requested).outcomes())
                .extracting(FieldOutcome::code)
                .containsOnly(DemoCode.DEMO_FIELD_INVALID)
                .hasSize(5);
    }

    @Test
    void aLanguageTheSchemaDoesNotHaveIsInvalidNotAMismatch() {
        JsonObject requested = new JsonObject().put("fullName", new JsonObject().put("deu", "Grace Wanjiru Mwangi"));

        assertThat(exact(requested).outcomes())
                .containsExactly(FieldOutcome.of("fullName", DemoCode.DEMO_FIELD_INVALID));
    }

    @Test
    void blankOverlongAndEmptyValuesAreInvalid() {
        JsonObject requested = new JsonObject()
                .put("gender", "   ")
                .put("nationality", "KENY")
                .put("address", new JsonObject())
                .put("fullName", new JsonObject().put("eng", "-- .."))
                .put("phone", "+ -");

        assertThat(exact(requested).outcomes())
                .extracting(FieldOutcome::code)
                .containsOnly(DemoCode.DEMO_FIELD_INVALID)
                .hasSize(5);
    }
}
