package org.civis.core;

import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.civis.core.audit.AuditChainer;
import org.civis.core.audit.AuditLog;
import org.civis.core.audit.AuditVerifier;
import org.civis.core.authfacts.AuthFactsReader;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.crypto.BlindIndex;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.dedup.DemographicIndex;
import org.civis.core.dedup.DemographicKeys;
import org.civis.core.enrollment.EnrollmentParts;
import org.civis.core.enrollment.EnrollmentService;
import org.civis.core.enrollment.PacketDigest;
import org.civis.core.enrollment.bulk.BulkEnrollment;
import org.civis.core.identity.IdentityChanges;
import org.civis.core.identity.IdentityService;
import org.civis.core.identity.IdentityStore;
import org.civis.core.keys.RegistryKeys;
import org.civis.core.lock.AuthLockService;
import org.civis.core.schema.SchemaValidator;
import org.civis.core.uin.IdNumberGenerator;
import org.civis.core.vid.VidService;

/** The registry's services, wired once over one pool, one set of keys and one clock. */
public final class Registry {
    private final RegistrySettings settings;
    private final EnrollmentService enrollments;
    private final BulkEnrollment bulkEnrollments;
    private final IdentityService identities;
    private final VidService vids;
    private final AuthLockService locks;
    private final AuthFactsReader authFacts;
    private final Biometrics biometrics;
    private final AuditChainer auditChainer;
    private final AuditVerifier auditVerifier;

    public Registry(Pool pool, RegistryKeys keys, RegistrySettings settings, Clock systemClock) {
        this(pool, keys, settings, IdentityChanges.NONE, systemClock);
    }

    /** A registry that tells {@code changes} of every committed change relevant to authentication. */
    public Registry(
            Pool pool, RegistryKeys keys, RegistrySettings settings, IdentityChanges changes, Clock systemClock) {
        this.settings = settings;
        // PostgreSQL keeps microseconds: a clock that ticks in microseconds makes a first answer and
        // its replay from the database identical.
        Clock clock = Clock.tick(systemClock, Duration.ofNanos(1_000));
        SecureRandom random = new SecureRandom();
        EnvelopeCipher cipher = new EnvelopeCipher(keys.masterKey());
        BlindIndex blindIndex = new BlindIndex(keys.blindIndexKey());
        AuditLog audit = new AuditLog(clock);
        SchemaValidator validator = new SchemaValidator(settings.schema(), clock);
        DemographicKeys demographicKeys = new DemographicKeys(settings.schema().deduplication(), blindIndex);
        DemographicIndex demographicIndex = new DemographicIndex();
        IdentityStore store = new IdentityStore(cipher, new IdNumberGenerator(settings.uinRules(), random));
        this.biometrics = new Biometrics(pool, cipher, settings.schema(), settings.biometrics());

        EnrollmentParts enrollmentParts = new EnrollmentParts(
                pool,
                store,
                validator,
                demographicKeys,
                demographicIndex,
                new PacketDigest(blindIndex),
                cipher,
                biometrics,
                audit,
                clock);
        this.enrollments = new EnrollmentService(enrollmentParts);
        this.bulkEnrollments = new BulkEnrollment(enrollmentParts);
        this.identities = new IdentityService(
                pool, store, validator, demographicKeys, demographicIndex, biometrics, audit, changes, clock);
        this.vids =
                new VidService(pool, store, new IdNumberGenerator(settings.vidRules(), random), audit, changes, clock);
        this.locks = new AuthLockService(pool, store, audit, changes, clock);
        this.authFacts = new AuthFactsReader(pool, store, biometrics.store());
        this.auditChainer = new AuditChainer(keys.auditKey(), pool);
        this.auditVerifier = new AuditVerifier(keys.auditKey(), pool);
    }

    public RegistrySettings settings() {
        return settings;
    }

    public EnrollmentService enrollments() {
        return enrollments;
    }

    /** Import of an already-deduplicated register, a batch per transaction (no fingerprint 1:N). */
    public BulkEnrollment bulkEnrollments() {
        return bulkEnrollments;
    }

    public IdentityService identities() {
        return identities;
    }

    public VidService vids() {
        return vids;
    }

    /** Fingerprint extraction, the template store, the 1:N gallery and 1:1 verification. */
    public Biometrics biometrics() {
        return biometrics;
    }

    public AuthLockService locks() {
        return locks;
    }

    /** What authentication needs to know of an identity, for the auth cache. */
    public AuthFactsReader authFacts() {
        return authFacts;
    }

    /** Links recorded audit entries into the hash chain; run it periodically and before shutdown. */
    public AuditChainer auditChainer() {
        return auditChainer;
    }

    public AuditVerifier auditVerifier() {
        return auditVerifier;
    }
}
