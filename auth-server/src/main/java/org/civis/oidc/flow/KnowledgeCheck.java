package org.civis.oidc.flow;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.demo.DemographicMatcher;
import org.civis.auth.demo.MatchStrategy;
import org.civis.auth.demo.NamePolicy;
import org.civis.auth.refusal.AuthError;
import org.civis.auth.view.AuthView;
import org.civis.auth.view.AuthViews;
import org.civis.core.lock.AuthType;
import org.civis.oidc.OidcClaims;

/**
 * The knowledge factor of {@code urn:civis:acr:generated-code+knowledge}: the date of birth the
 * resident types, compared exactly by the demographic matcher the partner API uses, unless the
 * resident has locked demographic authentication.
 */
public final class KnowledgeCheck {
    private final AuthViews views;
    private final DemographicMatcher matcher;
    private final String dateOfBirthField;

    public KnowledgeCheck(AuthViews views, DemographicMatcher matcher) {
        this.views = views;
        this.matcher = matcher;
        this.dateOfBirthField =
                OidcClaims.fieldsFor(Set.of(OidcClaims.BIRTHDATE)).iterator().next();
    }

    /** Empty when the date matches; else why not (AUTH_TYPE_LOCKED or DEMO_MISMATCH). */
    public Optional<AuthError> check(AuthView view, String dateOfBirth, Instant now) {
        if (view.lockedAt(AuthType.DEMO, now)) {
            return Optional.of(AuthError.AUTH_TYPE_LOCKED);
        }
        if (dateOfBirth == null || !dateOfBirth.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.of(AuthError.DEMO_MISMATCH);
        }
        boolean matched = matcher.match(
                        views.matchData(view),
                        new JsonObject().put(dateOfBirthField, dateOfBirth),
                        MatchStrategy.EXACT,
                        Optional.empty(),
                        NamePolicy.EXACT_ONLY)
                .matched();
        return matched ? Optional.empty() : Optional.of(AuthError.DEMO_MISMATCH);
    }
}
