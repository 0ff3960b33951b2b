package org.civis.core;

import java.util.Objects;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.schema.IdSchema;
import org.civis.core.uin.NumberRules;

/** What an ID authority configures about its registry. */
public record RegistrySettings(
        IdSchema schema, NumberRules uinRules, NumberRules vidRules, BiometricSettings biometrics) {
    public RegistrySettings {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(uinRules, "uinRules");
        Objects.requireNonNull(vidRules, "vidRules");
        Objects.requireNonNull(biometrics, "biometrics");
    }

    /** Settings with the default fingerprint settings. */
    public RegistrySettings(IdSchema schema, NumberRules uinRules, NumberRules vidRules) {
        this(schema, uinRules, vidRules, BiometricSettings.defaults());
    }

    public static RegistrySettings defaults() {
        return new RegistrySettings(IdSchema.defaultSchema(), NumberRules.uinDefaults(), NumberRules.vidDefaults());
    }

    /** The same settings with other fingerprint settings. */
    public RegistrySettings withBiometrics(BiometricSettings other) {
        return new RegistrySettings(schema, uinRules, vidRules, other);
    }
}
