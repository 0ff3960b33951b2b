package org.civis.core.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void anAcceptedValueGoesThroughEveryStep() {
        Result<Integer> two = Result.accepted(2);

        Future<Result<String>> answer = two.map(n -> n * 3)
                .flatMap(n -> Result.accepted(n + 1))
                .then(n -> Result.acceptNow(n * 2))
                .compose(r -> r.thenAccept(n -> Future.succeededFuture("n=" + n)));

        assertThat(answer.result()).isEqualTo(Result.accepted("n=14"));
    }

    @Test
    void aRefusalSkipsEveryLaterStepAndArrivesUnchanged() {
        Refusal refusal = new Refusal(RegistryError.VID_NOT_FOUND, "no such VID");
        AtomicBoolean ran = new AtomicBoolean();

        Future<Result<String>> answer = Result.<Integer>refused(refusal)
                .map(n -> n + 1)
                .flatMap(n -> {
                    ran.set(true);
                    return Result.accepted(n);
                })
                .then(n -> {
                    ran.set(true);
                    return Result.<String>acceptNow("never");
                });

        assertThat(ran).isFalse();
        assertThat(answer.succeeded()).as("a refusal is not a failure").isTrue();
        assertThat(answer.result()).isEqualTo(new Result.Refused<String>(refusal));
    }

    @Test
    void aLaterStepMayRefuseInTurn() {
        Result<Integer> checked = Result.accepted(5)
                .flatMap(n -> n > 3 ? Result.refused(RegistryError.VID_LIMIT_REACHED, "too many") : Result.accepted(n));

        assertThat(checked).isInstanceOfSatisfying(Result.Refused.class, refused -> assertThat(
                        refused.refusal().code())
                .isEqualTo(RegistryError.VID_LIMIT_REACHED));
        assertThatThrownBy(checked::orElseThrow).hasMessageContaining("VID_LIMIT_REACHED");
    }
}
