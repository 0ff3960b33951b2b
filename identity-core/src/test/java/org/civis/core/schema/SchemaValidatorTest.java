package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.BASE;
import static org.civis.core.schema.SampleIdentities.CLOCK;
import static org.civis.core.schema.SampleIdentities.fullIdentity;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    @Test
    void fullIdentityWithEveryFieldHasNoViolations() {
        assertThat(validate(fullIdentity())).isEmpty();
    }

    @Test
    void minimalIdentityWithOnlyRequiredFieldsHasNoViolations() {
        assertThat(validate(minimalIdentity())).isEmpty();
    }

    @Test
    void identityParsedFromJsonTextIsValidatedLikeOneBuiltInCode() {
        JsonObject parsed = new JsonObject(fullIdentity().encode());

        assertThat(validate(parsed)).isEmpty();
    }

    @Test
    void nestedPlainJavaMapsAreTreatedAsJsonObjects() {
        JsonObject identity = minimalIdentity().put("fullName", Map.of("eng", "Amina Njoroge"));

        assertThat(validate(identity)).isEmpty();
    }

    @Test
    void everyViolationIsReportedInOneCall() {
        JsonObject identity = new JsonObject()
                .put("fullName", new JsonObject().put("eng", " ").put("deu", "Amina"))
                .put("gender", "unknown")
                .put("phone", "0712345678")
                .put("email", "amina@")
                .put("nickname", "Mina")
                .put("fingerprints", new JsonObject());

        assertThat(validate(identity))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/fullName/eng", ViolationCode.FIELD_EMPTY),
                        tuple("/identity/fullName", ViolationCode.LANGUAGE_NOT_ALLOWED),
                        tuple("/identity/dateOfBirth", ViolationCode.FIELD_REQUIRED),
                        tuple("/identity/gender", ViolationCode.FIELD_VALUE_NOT_ALLOWED),
                        tuple("/identity/phone", ViolationCode.PHONE_FORMAT),
                        tuple("/identity/email", ViolationCode.EMAIL_FORMAT),
                        tuple("/identity/fingerprints", ViolationCode.FIELD_TYPE),
                        tuple("/identity", ViolationCode.FIELD_UNKNOWN));
    }

    @Test
    void emptyIdentityReportsEveryRequiredField() {
        assertThat(validate(new JsonObject()))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/fullName", ViolationCode.FIELD_REQUIRED),
                        tuple("/identity/dateOfBirth", ViolationCode.FIELD_REQUIRED),
                        tuple("/identity/gender", ViolationCode.FIELD_REQUIRED));
    }

    @Test
    void explicitNullInARequiredFieldCountsAsMissing() {
        JsonObject identity = minimalIdentity().putNull("gender");

        assertThat(validate(identity))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/gender", ViolationCode.FIELD_REQUIRED));
    }

    @Test
    void explicitNullInAnOptionalFieldIsAccepted() {
        JsonObject identity =
                minimalIdentity().putNull("email").putNull("photo").putNull("fingerprints");

        assertThat(validate(identity)).isEmpty();
    }

    @Test
    void unknownFieldsAreReportedOnceAtTheIdentityWithoutRepeatingTheirNames() {
        JsonObject identity = minimalIdentity().put("a/b~c", 1).put("nickname", "Mina");

        List<Violation> violations = validate(identity);

        assertThat(violations)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity", ViolationCode.FIELD_UNKNOWN));
        assertThat(violations.get(0).message()).doesNotContain("a/b~c", "nickname", "Mina");
    }

    @Test
    void emptyBasePathGivesPointersFromTheDocumentRoot() {
        List<Violation> violations = new SchemaValidator(IdSchema.defaultSchema(), CLOCK)
                .validate(minimalIdentity().put("gender", "x"), "");

        assertThat(violations).extracting(Violation::path).containsExactly("/gender");
    }

    @Test
    void basePathThatIsNotAJsonPointerIsRefused() {
        SchemaValidator validator = new SchemaValidator(IdSchema.defaultSchema(), CLOCK);

        assertThatThrownBy(() -> validator.validate(minimalIdentity(), "identity"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void violationListCannotBeModified() {
        List<Violation> violations = validate(new JsonObject());

        assertThatThrownBy(() -> violations.add(new Violation(BASE, ViolationCode.FIELD_TYPE, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
