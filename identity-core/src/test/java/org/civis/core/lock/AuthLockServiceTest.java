package org.civis.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.civis.core.id.Uin;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthLockServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final AuthLockService locks = fixture.registry.locks();
    private final Uin uin = fixture.issue("reg-1", Residents.full(1));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void nothingIsLockedUntilSomeoneLocksIt() {
        Map<AuthType, AuthLock> states = Await.accepted(locks.locks(uin));
        assertThat(states.values()).noneMatch(lock -> lock.lockedAt(fixture.clock.instant()));
    }

    @Test
    void aLockIsVisibleToTheVeryNextRead() {
        Await.accepted(locks.lock(uin, EnumSet.of(AuthType.DEMO), "resident"));
        Map<AuthType, AuthLock> states = Await.accepted(locks.locks(uin));
        assertThat(states.get(AuthType.DEMO).lockedAt(fixture.clock.instant())).isTrue();
        assertThat(states.get(AuthType.OTP).lockedAt(fixture.clock.instant())).isFalse();
    }

    @Test
    void aTimedUnlockOpensTheTypeAndLocksItAgainWhenItRunsOut() {
        Await.accepted(locks.lock(uin, AuthType.parse("all"), "resident"));
        Map<AuthType, AuthLock> states = Await.accepted(
                locks.unlock(uin, EnumSet.of(AuthType.BIO), Optional.of(Duration.ofMinutes(10)), "resident"));
        AuthLock bio = states.get(AuthType.BIO);
        assertThat(bio.lockedAt(fixture.clock.instant().plus(Duration.ofMinutes(9))))
                .isFalse();
        assertThat(bio.lockedAt(fixture.clock.instant().plus(Duration.ofMinutes(10))))
                .isTrue();
        assertThat(states.get(AuthType.OTP).lockedAt(fixture.clock.instant())).isTrue();
    }

    @Test
    void aPermanentUnlockClearsTheLock() {
        Await.accepted(locks.lock(uin, EnumSet.of(AuthType.OTP), "resident"));
        Map<AuthType, AuthLock> states =
                Await.accepted(locks.unlock(uin, EnumSet.of(AuthType.OTP), Optional.empty(), "r"));
        assertThat(states.get(AuthType.OTP).lockedAt(fixture.clock.instant().plus(Duration.ofDays(365))))
                .isFalse();
        assertThat(fixture.auditTrail("action || ' ' || details").stream()
                        .filter(line -> line.startsWith("AUTH"))
                        .toList())
                .containsExactly(
                        "AUTH_TYPES_LOCKED {\"types\":[\"OTP\"]}", "AUTH_TYPES_UNLOCKED {\"types\":[\"OTP\"]}");
    }
}
