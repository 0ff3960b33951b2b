package org.civis.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A lock change that cannot be carried out cannot be made. */
class LockChangeTest {

    @Test
    void anUnlockMayBeForAWhileAndKeepsItsOwnCopyOfTheTypes() {
        Set<AuthType> types = EnumSet.of(AuthType.OTP);

        LockChange change = new LockChange(types, false, Optional.of(Duration.ofMinutes(5)));
        types.add(AuthType.BIO);

        assertThat(change.types()).containsExactly(AuthType.OTP);
        assertThat(change.openFor()).contains(Duration.ofMinutes(5));
    }

    @Test
    void aChangeOfNoTypeCannotBeMade() {
        assertThatThrownBy(() -> new LockChange(Set.of(), true, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLockCannotBeForAWhile() {
        assertThatThrownBy(() -> new LockChange(Set.of(AuthType.DEMO), true, Optional.of(Duration.ofMinutes(5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnlockForNoTimeCannotBeMade() {
        assertThatThrownBy(() -> new LockChange(Set.of(AuthType.DEMO), false, Optional.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
