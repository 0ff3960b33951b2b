package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactFieldValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"+254712345678", "+1234567", "+123456789012345", "+919876543210"})
    void e164NumbersAreAccepted(String phone) {
        assertThat(validate(minimalIdentity().put("phone", phone))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "254712345678",
                "+0712345678",
                "+123456",
                "+1234567890123456",
                "+254 712 345678",
                "+254-712-345678",
                "+254(712)345678",
                "+",
                "",
                "00254712345678",
                "+２５４712345678",
                "+254712345678\n",
                "tel:+254712345678"
            })
    void anythingElseIsAPhoneFormatViolation(String phone) {
        assertThat(validate(minimalIdentity().put("phone", phone)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/phone", ViolationCode.PHONE_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amina@example.org",
                "a@b.co",
                "amina.njoroge+civis@mail.example.co.ke",
                "first_last@sub-domain.example.com",
                "o'brien@example.ie",
                "x@123.example.io",
                "!#$%&*/=?^`{|}~@example.org"
            })
    void pragmaticEmailAddressesAreAccepted(String email) {
        assertThat(validate(minimalIdentity().put("email", email))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amina",
                "amina@",
                "@example.org",
                "amina@@example.org",
                "am@ina@example.org",
                "amina@example",
                "amina@example.",
                "amina@.example.org",
                "amina@example..org",
                "amina@-example.org",
                "amina@example-.org",
                "amina@example.o",
                "amina@example.c0m",
                "amina@exa_mple.org",
                "ami na@example.org",
                "amina@例え.jp",
                "amína@example.org",
                "amina@example.org ",
                "\tamina@example.org",
                ""
            })
    void malformedEmailAddressesAreRejected(String email) {
        assertThat(validate(minimalIdentity().put("email", email)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/email", ViolationCode.EMAIL_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void localPartIsLimitedTo64Characters(int length) {
        String email = "a".repeat(length) + "@example.org";

        assertThat(validate(minimalIdentity().put("email", email))).hasSize(length <= 64 ? 0 : 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void addressIsLimitedTo254Characters(int length) {
        String domain = String.join(".", "b".repeat(50), "c".repeat(50), "d".repeat(50), "e".repeat(50), "org");
        String email = "a".repeat(length - domain.length() - 1) + "@" + domain;

        assertThat(email).hasSize(length);
        assertThat(validate(minimalIdentity().put("email", email))).hasSize(length <= 254 ? 0 : 1);
    }
}
