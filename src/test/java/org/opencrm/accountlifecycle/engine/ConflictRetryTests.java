package org.opencrm.accountlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

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
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
        assertThat(transactionsSeen).hasValue(ConflictRetry.ATTEMPTS);
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
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
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

    @Test
    void shouldRunTheWorkAgainWhenTheDatabaseRolledItBackToBreakADeadlock() throws Exception {
        Instant created = Instant.parse("2026-01-05T00:00:00Z");
        data.reset();
        data.individual("ind-1", "Amélie", "Dupont", created, null);
        data.individual("ind-2", "Bruno", "Martin", created, null);
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);

        try {
            Future<String> first = threads.submit(() ->
                    conflicts.run("test", "ind-1", () -> crosswise("ind-1", "ind-2", bothHoldTheirFirstRow, attempts)));
            Future<String> second = threads.submit(() ->
                    conflicts.run("test", "ind-2", () -> crosswise("ind-2", "ind-1", bothHoldTheirFirstRow, attempts)));

            assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                    .containsExactly("done", "done");
        } finally {
            threads.shutdownNow();
        }
        // the database rolled one side back, which ran again once the other had committed
        assertThat(attempts).hasValue(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM individual WHERE id IN ('ind-1', 'ind-2') AND last_name = 'locked'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void shouldTakeADeadlockWrappedByTheEngineForALostRace() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));

        assertThat(ConflictRetry.isLostRace(new ProcessEnginePersistenceException(
                        "An exception occurred in the persistence layer", new ProcessEngineException(batch))))
                .isTrue();
    }

    @Test
    void shouldGiveUpAtOnceOnAFailureThatNoOtherTransactionCaused() {
        AtomicInteger attempts = new AtomicInteger();
        ProcessEnginePersistenceException duplicate = new ProcessEnginePersistenceException(
                "An exception occurred in the persistence layer",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThatThrownBy(() -> conflicts.run("test", "ind-1", () -> {
                    attempts.incrementAndGet();
                    throw duplicate;
                }))
                .isSameAs(duplicate);
        assertThat(attempts).hasValue(1);
    }

    /**
     * Locks one individual's row, then, on the first attempt of each side, waits until the other side holds its own,
     * then asks for the other's: two sides started crosswise deadlock.
     */
    private String crosswise(String mine, String theirs, CountDownLatch bothHoldTheirFirstRow, AtomicInteger attempts) {
        int attempt = attempts.incrementAndGet();
        lock(mine);
        if (attempt <= 2) {
            bothHoldTheirFirstRow.countDown();
            assertThat(Waits.await(bothHoldTheirFirstRow, Duration.ofSeconds(10)))
                    .as("the other side holds its row")
                    .isTrue();
        }
        lock(theirs);
        return "done";
    }

    private void lock(String individualId) {
        jdbc.sql("UPDATE individual SET last_name = 'locked' WHERE id = ?")
                .param(individualId)
                .update();
    }
}
