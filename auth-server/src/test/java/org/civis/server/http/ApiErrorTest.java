package org.civis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.civis.auth.credential.IssuanceError;
import org.civis.auth.partner.PartnerError;
import org.civis.core.refusal.RefusalCode;
import org.civis.core.refusal.RegistryError;
import org.junit.jupiter.api.Test;

/** Every refusal has its HTTP form: a missing one would reach a client as INTERNAL_ERROR. */
class ApiErrorTest {

    @Test
    void everyRegistryErrorHasAnHttpCodeOfTheSameName() {
        for (RegistryError error : RegistryError.values()) {
            assertThat(ApiError.of(error).name()).isEqualTo(error.name());
        }
    }

    @Test
    void everyRefusalThatReachesAnAnswerHasAnHttpCodeOfTheSameName() {
        List<RefusalCode> codes = new ArrayList<>();
        codes.addAll(List.of(RegistryError.values()));
        codes.addAll(List.of(IssuanceError.values()));
        codes.addAll(List.of(PartnerError.values()));
        codes.addAll(List.of(ApiError.values()));

        for (RefusalCode code : codes) {
            assertThat(ErrorResponses.apiError(code).name()).isEqualTo(code.name());
        }
    }

    @Test
    void aFingerprintSearchThatCannotRunNowAsksForARetry() {
        assertThat(ApiError.of(RegistryError.BIOMETRICS_BUSY).status()).isEqualTo(503);
        assertThat(ApiError.of(RegistryError.BIOMETRICS_UNAVAILABLE).status()).isEqualTo(503);
    }

    @Test
    void everyPartnerAndIssuanceErrorKeepsItsCodeOverHttp() {
        for (PartnerError error : PartnerError.values()) {
            assertThat(ApiError.of(error).name()).isEqualTo(error.name());
        }
        for (IssuanceError error : IssuanceError.values()) {
            assertThat(ApiError.of(error).name()).isEqualTo(error.name());
        }
    }
}
