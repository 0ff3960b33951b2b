package org.civis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.civis.core.refusal.RegistryError;
import org.junit.jupiter.api.Test;

/** Every registry refusal has its HTTP form: a missing one would reach a client as INTERNAL_ERROR. */
class ApiErrorTest {

    @Test
    void everyRegistryErrorHasAnHttpCodeOfTheSameName() {
        for (RegistryError error : RegistryError.values()) {
            assertThat(ApiError.of(error).name()).isEqualTo(error.name());
        }
    }

    @Test
    void aFingerprintSearchThatCannotRunNowAsksForARetry() {
        assertThat(ApiError.of(RegistryError.BIOMETRICS_BUSY).status()).isEqualTo(503);
        assertThat(ApiError.of(RegistryError.BIOMETRICS_UNAVAILABLE).status()).isEqualTo(503);
    }
}
