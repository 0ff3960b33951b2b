package org.civis.core.enrollment;

import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Objects;
import org.civis.core.audit.AuditLog;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.identity.IdentityStore;
import org.civis.core.schema.SchemaValidator;

/**
 * What single and bulk enrollment both work with, wired once by the registry. One set of parts keeps
 * the two paths from drifting apart: both digest a packet with the same key (so a packet sent one way
 * is recognised when sent the other) and derive the same demographic keys to lock and index.
 */
public record EnrollmentParts(
        Pool pool,
        IdentityStore identities,
        SchemaValidator validator,
        DemographicKeys demographicKeys,
        DemographicIndex demographicIndex,
        PacketDigest packetDigest,
        EnvelopeCipher cipher,
        Biometrics biometrics,
        AuditLog audit,
        Clock clock) {

    public EnrollmentParts {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(demographicKeys, "demographicKeys");
        Objects.requireNonNull(demographicIndex, "demographicIndex");
        Objects.requireNonNull(packetDigest, "packetDigest");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(biometrics, "biometrics");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
    }
}
