package org.civis.core.uin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberRulesTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        NumberRules uin = NumberRules.uinDefaults();
        assertThat(uin.length()).isEqualTo(10);
        assertThat(uin.sequenceLimit()).isEqualTo(3);
        assertThat(uin.repeatLimit()).isEqualTo(3);
        assertThat(uin.repeatedBlockLength()).isEqualTo(2);
        assertThat(uin.denyList()).isEmpty();
        assertThat(NumberRules.vidDefaults().length()).isEqualTo(16);
    }

    @Test
    void rejectsLengthOutsideEightToThirtyTwo() {
        assertThatIllegalArgumentException().isThrownBy(() -> NumberRules.defaults(7));
        assertThatIllegalArgumentException().isThrownBy(() -> NumberRules.defaults(33));
        assertThat(NumberRules.defaults(8).length()).isEqualTo(8);
        assertThat(NumberRules.defaults(32).length()).isEqualTo(32);
    }

    @Test
    void rejectsLimitsThatWouldRejectEverythingOrAreNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 1, 3, 2, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 1, 2, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, -1, 3, 2, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 3, -1, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 3, 10, Set.of()));
    }

    @Test
    void rejectsMalformedDenyListEntries() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 3, 2, Set.of("")));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 3, 2, Set.of("9a1")));
        assertThatIllegalArgumentException().isThrownBy(() -> new NumberRules(10, 3, 3, 2, Set.of("12345678901")));
    }

    @Test
    void denyListIsAnImmutableCopy() {
        Set<String> source = new HashSet<>(Set.of("911"));
        NumberRules rules = new NumberRules(10, 3, 3, 2, source);
        source.add("112");
        assertThat(rules.denyList()).containsExactly("911");
        assertThatThrownBy(() -> rules.denyList().add("999")).isInstanceOf(UnsupportedOperationException.class);
    }
}
