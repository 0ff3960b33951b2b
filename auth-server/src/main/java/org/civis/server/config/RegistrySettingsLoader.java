package org.civis.server.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civis.core.RegistrySettings;
import org.civis.core.schema.IdSchema;
import org.civis.core.uin.NumberRules;

/** The registry part of the configuration: the ID schema in force and the number rules. */
public final class RegistrySettingsLoader {
    private RegistrySettingsLoader() {}

    public static RegistrySettings from(CivisConfig config) {
        IdSchema schema =
                config.idSchemaFile().map(RegistrySettingsLoader::readSchema).orElseGet(IdSchema::defaultSchema);
        NumberRules uins = new NumberRules(
                config.uinLength(),
                NumberRules.DEFAULT_SEQUENCE_LIMIT,
                NumberRules.DEFAULT_REPEAT_LIMIT,
                NumberRules.DEFAULT_REPEATED_BLOCK_LENGTH,
                config.uinDenyList());
        return new RegistrySettings(schema, uins, NumberRules.defaults(config.vidLength()), config.biometrics());
    }

    private static IdSchema readSchema(Path file) {
        try {
            return IdSchema.fromJson(new JsonObject(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ID schema " + file, e);
        }
    }
}
