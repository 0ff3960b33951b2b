package org.civis.auth.demo;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.civis.core.schema.FieldSpec;
import org.civis.core.schema.FieldType;
import org.civis.core.schema.IdSchema;

/**
 * Compares the demographic factors a relying party sends with a resident's {@link MatchData}, field by
 * field. Every field is compared exactly except the schema's name field, which the partner may ask to
 * compare loosely if its {@link NamePolicy} allows. Outcomes never say whether a value is enrolled,
 * only whether it matches. Thread-safe.
 */
public final class DemographicMatcher {

    private final String nameField;
    private final IdSchema schema;
    private final Set<String> languages;

    public DemographicMatcher(IdSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.nameField = schema.deduplication().name();
        this.languages = Set.copyOf(schema.languages());
    }

    /**
     * Matches a request against an enrolled identity.
     *
     * @param requested          field name → value, in the shape enrollment uses
     * @param strategy           how to compare the name field; {@link MatchStrategy#EXACT} unless asked otherwise
     * @param requestedThreshold the partner's minimum score for a loose name match, in [0, 1]; it can
     *                           only raise the policy's {@link NamePolicy#minScore()}
     * @param policy             what this partner may ask for
     * @return one outcome per requested field, in request order; or, when the request as a whole is
     *     unacceptable, only the request-wide outcomes, with nothing compared
     */
    public DemoResult match(
            MatchData enrolled,
            JsonObject requested,
            MatchStrategy strategy,
            Optional<Double> requestedThreshold,
            NamePolicy policy) {
        Objects.requireNonNull(enrolled, "enrolled");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(requestedThreshold, "requestedThreshold");
        Objects.requireNonNull(policy, "policy");
        List<FieldOutcome> problems = new ArrayList<>();
        if (requested.isEmpty()) {
            problems.add(FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_NO_FIELDS));
        }
        if (!policy.allows(strategy)) {
            problems.add(FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_STRATEGY_NOT_ALLOWED));
        }
        if (requestedThreshold.isPresent() && !(requestedThreshold.get() >= 0.0 && requestedThreshold.get() <= 1.0)) {
            problems.add(FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_THRESHOLD_INVALID));
        }
        if (!problems.isEmpty()) {
            return new DemoResult(problems);
        }
        double threshold = Math.max(policy.minScore(), requestedThreshold.orElse(0.0));
        List<FieldOutcome> outcomes = new ArrayList<>(requested.size());
        for (String field : requested.fieldNames()) {
            outcomes.add(matchField(enrolled, field, requested.getValue(field), strategy, threshold));
        }
        return new DemoResult(outcomes);
    }

    private FieldOutcome matchField(
            MatchData enrolled, String field, Object value, MatchStrategy strategy, double threshold) {
        FieldSpec spec = schema.field(field).orElse(null);
        if (spec == null) {
            // Not a schema name: the client's text, so the outcome names the request instead.
            return FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_FIELD_UNKNOWN);
        }
        if (!FieldNormalizer.isDemographic(spec.type())) {
            return FieldOutcome.of(field, DemoCode.DEMO_FIELD_UNKNOWN);
        }
        boolean isName = field.equals(nameField);
        Optional<Map<String, String>> normalized =
                value == null ? Optional.empty() : FieldNormalizer.normalize(spec, isName, value);
        if (normalized.isEmpty() || !isAcceptable(spec, value, normalized.get())) {
            return FieldOutcome.of(field, DemoCode.DEMO_FIELD_INVALID);
        }
        Map<String, String> wanted = normalized.get();
        Map<String, String> held = enrolled.forms(field);
        if (isName && strategy != MatchStrategy.EXACT) {
            return scoreName(enrolled, field, wanted, held, strategy, threshold);
        }
        // Every requested language must be enrolled and equal; a missing one is simply unequal.
        boolean equal =
                wanted.entrySet().stream().allMatch(form -> form.getValue().equals(held.get(form.getKey())));
        return FieldOutcome.of(field, equal ? DemoCode.MATCHED : DemoCode.DEMO_MISMATCH);
    }

    /** Within the enrollment limits, nothing blank after normalization, and only schema languages. */
    private boolean isAcceptable(FieldSpec spec, Object value, Map<String, String> normalized) {
        return FieldNormalizer.withinMaxLength(spec, value)
                && normalized.values().stream().noneMatch(String::isEmpty)
                && (spec.type() != FieldType.MULTILINGUAL_TEXT || languages.containsAll(normalized.keySet()));
    }

    /**
     * The field's score is the lowest over the requested languages, since each must match. A language
     * the identity lacks scores 0 and never matches, even under a threshold of 0.
     */
    private static FieldOutcome scoreName(
            MatchData enrolled,
            String field,
            Map<String, String> wanted,
            Map<String, String> held,
            MatchStrategy strategy,
            double threshold) {
        double lowest = 1.0;
        boolean allEnrolled = true;
        for (Map.Entry<String, String> form : wanted.entrySet()) {
            String language = form.getKey();
            String enrolledName = held.get(language);
            if (enrolledName == null) {
                allEnrolled = false;
                lowest = 0.0;
                continue;
            }
            List<String> requestedTokens = FieldNormalizer.tokens(form.getValue());
            List<String> enrolledTokens = FieldNormalizer.tokens(enrolledName);
            double score = strategy == MatchStrategy.PARTIAL
                    ? NameScorer.partial(requestedTokens, enrolledTokens)
                    : NameScorer.phonetic(
                            requestedTokens,
                            PhoneticCodes.of(requestedTokens, language),
                            enrolledTokens,
                            enrolled.phoneticCodes(field, language));
            lowest = Math.min(lowest, score);
        }
        boolean matched = allEnrolled && lowest >= threshold;
        return new FieldOutcome(field, matched ? DemoCode.MATCHED : DemoCode.DEMO_MISMATCH, OptionalDouble.of(lowest));
    }
}
