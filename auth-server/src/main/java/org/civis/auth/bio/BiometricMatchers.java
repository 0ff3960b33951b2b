package org.civis.auth.bio;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The face and iris matchers installed on this server, at most one per modality. */
public final class BiometricMatchers {
    private final Map<Modality, BiometricMatcher> byModality = new EnumMap<>(Modality.class);

    /** The matchers found on the class path. */
    public static BiometricMatchers installed() {
        return of(ServiceLoader.load(BiometricMatcher.class));
    }

    /** The given matchers; two for one modality is a configuration mistake and fails start-up. */
    public static BiometricMatchers of(Iterable<BiometricMatcher> matchers) {
        BiometricMatchers installed = new BiometricMatchers();
        for (BiometricMatcher matcher : matchers) {
            if (matcher.modality() == Modality.FINGERPRINTS) {
                throw new IllegalStateException("fingerprint matching is built in and cannot be replaced");
            }
            BiometricMatcher earlier = installed.byModality.putIfAbsent(matcher.modality(), matcher);
            if (earlier != null) {
                throw new IllegalStateException("two matchers are installed for " + matcher.modality());
            }
        }
        return installed;
    }

    public Optional<BiometricMatcher> forModality(Modality modality) {
        return Optional.ofNullable(byModality.get(modality));
    }
}
