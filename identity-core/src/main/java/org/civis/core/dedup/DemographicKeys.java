package org.civis.core.dedup;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civis.core.crypto.BlindIndex;
import org.civis.core.schema.DeduplicationFields;

/**
 * Turns an identity into its demographic dedup keys: one blind-index digest per language of the
 * name, each over normalized name + date of birth + gender. Two people meet when any one of
 * their names in any language matches together with date of birth and gender.
 */
public final class DemographicKeys {
    static final String DOMAIN = "dedup:name+dob+gender";
    private static final char SEPARATOR = '\u001f'; // cannot occur in a normalized name

    private final DeduplicationFields fields;
    private final BlindIndex index;

    public DemographicKeys(DeduplicationFields fields, BlindIndex index) {
        this.fields = fields;
        this.index = index;
    }

    /** The keys of a schema-valid identity; empty when a dedup field is absent. */
    public List<DedupKey> of(JsonObject identity) {
        String dateOfBirth = identity.getString(fields.dateOfBirth());
        String gender = identity.getString(fields.gender());
        if (dateOfBirth == null || gender == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Object name = identity.getValue(fields.name());
        if (name instanceof JsonObject perLanguage) {
            perLanguage.forEach(entry -> names.add(NameNormalizer.normalize(String.valueOf(entry.getValue()))));
        } else if (name instanceof String single) {
            names.add(NameNormalizer.normalize(single));
        }
        List<DedupKey> keys = new ArrayList<>();
        for (String normalized : names) {
            if (!normalized.isEmpty()) {
                String value = normalized + SEPARATOR + dateOfBirth + SEPARATOR + gender.toLowerCase(Locale.ROOT);
                keys.add(new DedupKey(index.digest(DOMAIN, value)));
            }
        }
        return keys;
    }

    /** A blind-index digest, and the advisory-lock number that serialises enrollments sharing it. */
    public record DedupKey(byte[] digest) {
        public DedupKey {
            digest = digest.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        /** The digest in hex: a map key that compares by content. */
        public String hex() {
            return HexFormat.of().formatHex(digest);
        }

        long lockNumber() {
            return ByteBuffer.wrap(digest).getLong();
        }
    }
}
