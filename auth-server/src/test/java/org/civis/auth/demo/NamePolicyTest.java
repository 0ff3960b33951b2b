package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NamePolicyTest {

    @Test
    void theMinimumScoreMustLieBetweenZeroAndOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NamePolicy(true, true, -0.01));
        assertThatIllegalArgumentException().isThrownBy(() -> new NamePolicy(true, true, 1.01));
        assertThatIllegalArgumentException().isThrownBy(() -> new NamePolicy(true, true, Double.NaN));
        assertThat(new NamePolicy(true, true, 0.0).minScore()).isZero();
        assertThat(new NamePolicy(true, true, 1.0).minScore()).isEqualTo(1.0);
    }

    @Test
    void exactIsAlwaysAllowedAndTheOthersOnlyWhenGranted() {
        NamePolicy partialOnly = new NamePolicy(true, false, 0.9);

        assertThat(NamePolicy.EXACT_ONLY.allows(MatchStrategy.EXACT)).isTrue();
        assertThat(NamePolicy.EXACT_ONLY.allows(MatchStrategy.PARTIAL)).isFalse();
        assertThat(partialOnly.allows(MatchStrategy.PARTIAL)).isTrue();
        assertThat(partialOnly.allows(MatchStrategy.PHONETIC)).isFalse();
        assertThat(new NamePolicy(false, true, 0.9).allows(MatchStrategy.PHONETIC))
                .isTrue();
    }
}
