package org.civis.core;

import java.util.Objects;
import org.civis.core.schema.IdSchema;
import org.civis.core.uin.NumberRules;

/** What an ID authority configures about its registry. */
public record RegistrySettings(IdSchema schema, NumberRules uinRules, NumberRules vidRules) {
    public RegistrySettings {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(uinRules, "uinRules");
        Objects.requireNonNull(vidRules, "vidRules");
    }

    public static RegistrySettings defaults() {
        return new RegistrySettings(IdSchema.defaultSchema(), NumberRules.uinDefaults(), NumberRules.vidDefaults());
    }
}
