package org.opencrm.accountlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retry that logins, dossier events and agents' deletions go through: each attempt in a transaction of its own,
 * at most {@value ConflictRetry#ATTEMPTS} attempts, and never inside a caller's transaction. The races that cause the
 * conflicts for real are in {@code LifecycleRaceTests}.
 */
@AccountLifecycleTest
class ConflictRetryTests {

    @Autowired
    ConflictRetry conflicts;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldRunTheWorkAgainInANewTransactionWhenItLostAnOptimisticLock() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger transactionsSeen = new AtomicInteger();

        String result = conflicts.run("test", "ind-1", () -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                transactionsSeen.incrementAndGet();
            }
            if (attempts.incrementAndGet() < ConflictRetry.ATTEMPTS) {
                throw new OptimisticLockingException("lost to a timer");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(transactionsSeen).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> conflicts.run("test", "ind-1", () -> {
                    attempts.incrementAndGet();
                    throw new OptimisticLockingException("lost again");
                }))
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessage("lost again");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldLeaveTheConflictToTheCallerInsideItsTransaction() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                        .executeWithoutResult(status -> conflicts.run("test", "ind-1", () -> {
                            attempts.incrementAndGet();
                            throw new OptimisticLockingException("lost inside a caller");
                        })))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(1);
    }
}
