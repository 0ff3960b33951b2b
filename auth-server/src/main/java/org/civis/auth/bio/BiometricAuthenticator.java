package org.civis.auth.bio;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.refusal.AuthFailure;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.BiometricsUnavailable;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.biometrics.FingerprintVerification;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityService;
import org.civis.core.refusal.Result;
import org.civis.core.schema.ViolationCode;

/**
 * Decides the biometric factor: fingerprints against the identity's enrolled templates (from the
 * auth view, so no database read), face and iris through an installed matcher or not at all.
 */
public final class BiometricAuthenticator {
    private static final String FINGERPRINTS = "biometrics.fingerprints";

    private final Biometrics biometrics;
    private final BiometricMatchers matchers;
    private final IdentityService identities;

    public BiometricAuthenticator(Biometrics biometrics, IdentityService identities, BiometricMatchers matchers) {
        this.biometrics = biometrics;
        this.matchers = matchers;
        this.identities = identities;
    }

    /** The failures of the factor; empty when every presented modality matched. */
    public Future<List<AuthFailure>> check(BiometricFactor factor, Uin uin, List<EnrolledFingerprint> enrolled) {
        List<Future<List<AuthFailure>>> checks = new ArrayList<>();
        if (!factor.fingerprints().isEmpty()) {
            checks.add(biometrics
                    .verify(factor.fingerprints(), enrolled)
                    .map(BiometricAuthenticator::fingerprintFailures)
                    .recover(BiometricAuthenticator::busy));
        }
        for (Map.Entry<Modality, List<BiometricSample>> other : factor.others().entrySet()) {
            checks.add(checkOther(other.getKey(), other.getValue(), uin));
        }
        return Future.all(checks).map(all -> {
            List<AuthFailure> failures = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                failures.addAll(all.<List<AuthFailure>>resultAt(i));
            }
            return failures;
        });
    }

    private static List<AuthFailure> fingerprintFailures(FingerprintVerification verification) {
        if (verification instanceof FingerprintVerification.Compared compared) {
            return compared.matched() ? List.of() : List.of(AuthFailure.of(AuthError.BIO_MISMATCH, FINGERPRINTS));
        }
        if (verification instanceof FingerprintVerification.Unusable unusable) {
            return List.of(AuthFailure.of(errorFor(unusable.code()), FINGERPRINTS + "." + unusable.index()));
        }
        return List.of(AuthFailure.of(AuthError.BIO_NOT_ENROLLED, FINGERPRINTS));
    }

    private static AuthError errorFor(ViolationCode code) {
        return switch (code) {
            case FINGER_IMAGE_UNREADABLE -> AuthError.BIO_FINGER_IMAGE_UNREADABLE;
            case FINGER_TEMPLATE_UNREADABLE -> AuthError.BIO_FINGER_TEMPLATE_UNREADABLE;
            case FINGER_TOO_FEW_MINUTIAE -> AuthError.BIO_FINGER_TOO_FEW_MINUTIAE;
            default -> throw new IllegalStateException("extraction does not report " + code);
        };
    }

    private Future<List<AuthFailure>> checkOther(Modality modality, List<BiometricSample> samples, Uin uin) {
        String field = "biometrics." + modality.jsonName();
        var matcher = matchers.forModality(modality);
        if (matcher.isEmpty()) {
            return Future.succeededFuture(List.of(AuthFailure.of(AuthError.BIO_MODALITY_NOT_SUPPORTED, field)));
        }
        // The enrolled record is read (and the read audited) only when a matcher will look at it.
        return identities
                .read(uin, "auth:" + modality.jsonName())
                // Resolved a moment ago and never deleted: a refusal here is a broken registry.
                .map(Result::orElseThrow)
                .compose(identity ->
                        biometrics.workers().submit(() -> matcher.get().matches(samples, identity.fields())))
                .map(matched ->
                        matched ? List.<AuthFailure>of() : List.of(AuthFailure.of(AuthError.BIO_MISMATCH, field)))
                .recover(BiometricAuthenticator::busy);
    }

    private static Future<List<AuthFailure>> busy(Throwable failure) {
        if (failure instanceof BiometricsUnavailable e && e.isBusy()) {
            return Future.succeededFuture(List.of(AuthFailure.of(AuthError.BIO_BUSY, "biometrics")));
        }
        return Future.failedFuture(failure);
    }
}
