package org.civis.auth.bio;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A matcher for one modality other than fingerprints, supplied by an integrator (typically a
 * wrapper around a vendor SDK) and found with {@link java.util.ServiceLoader}: put the jar on the
 * class path with a {@code META-INF/services/org.civis.auth.bio.BiometricMatcher} entry. Without
 * one, requests presenting that modality are answered BIO_MODALITY_NOT_SUPPORTED; Civis ships no
 * stand-in that would say yes.
 *
 * <p>Implementations must be thread-safe. They are called on the biometric worker threads, never on
 * an event loop, so a blocking SDK call is fine.
 */
public interface BiometricMatcher {

    /** The modality this matcher handles; {@link Modality#FINGERPRINTS} is built in and not pluggable. */
    Modality modality();

    /**
     * Whether the presented samples belong to the identity whose enrolled record is given.
     *
     * @param presented the samples of the request, as sent
     * @param enrolledIdentity the identity's current record (for example its {@code photo} field),
     *     personal data that must not be logged or kept
     */
    boolean matches(List<BiometricSample> presented, JsonObject enrolledIdentity);
}
