package org.opencrm.accountlifecycle.engine;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request's work on an individual in a transaction of its own, and again when it lost to a timer, a job or
 * another request on the individual's process instance: the next attempt starts from what the other side committed,
 * so that a citizen's login or an agent's action never fails because the lifecycle moved at that moment. Inside a
 * caller's transaction the conflict goes to that caller, whose transaction is spoiled anyway.
 *
 * <p>A lost race shows in two ways. The engine finds a row changed under the revision it read
 * ({@link OptimisticLockingException}). Or the database breaks a deadlock by rolling one side back: a login deletes an
 * instance's executions while a job of that instance updates them in the other order (PostgreSQL's SQL state
 * {@code 40P01}, H2's {@code 40001}; the engine wraps it, Spring's JDBC translates it to a
 * {@link ConcurrencyFailureException}). Any other failure is not retried.
 */
@Component
public class ConflictRetry {

    /**
     * A job executor writes each job twice, when it locks it and when it runs it, and a timer that fires leaves the
     * job of the step after it: a request can lose to four writes in a row on one instance. A sixth conflict in a row
     * is a real fault.
     */
    public static final int ATTEMPTS = 6;

    /** A pause of random length between attempts, so that two requests that collided do not collide again. */
    private static final long MIN_PAUSE_MILLIS = 5;

    private static final long MAX_PAUSE_MILLIS = 50;

    /** The SQL state class of a transaction the database rolled back: serialization failure, deadlock. */
    private static final String TRANSACTION_ROLLBACK = "40";

    private static final int MAX_CAUSE_DEPTH = 32;

    private static final String OPERATION = "operation";
    private static final String INDIVIDUAL_ID = "individualId";

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final TransactionTemplate transaction;
    private final RetryTemplate retry;

    ConflictRetry(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.retry = RetryTemplate.builder()
                .maxAttempts(ATTEMPTS)
                .uniformRandomBackoff(MIN_PAUSE_MILLIS, MAX_PAUSE_MILLIS)
                .retryOn(ConflictRetry::isLostRace)
                .withListener(new ConflictLog())
                .build();
    }

    /**
     * @param operation what the work is, for the log
     * @param individualId whose lifecycle the work meets, for the log
     */
    public <T> T run(String operation, String individualId, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> work.get());
        }
        return retry.execute(context -> {
            context.setAttribute(OPERATION, operation);
            context.setAttribute(INDIVIDUAL_ID, individualId);
            return transaction.execute(status -> work.get());
        });
    }

    /** Whether the failure, or one of its causes, is a race lost to another transaction, which a new one can win. */
    public static boolean isLostRace(Throwable failure) {
        Throwable cause = failure;
        // bounded, since nothing stops a chain of causes from looping back on itself
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = nextCause(cause)) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK)) {
                return true;
            }
        }
        return false;
    }

    /** A batch that failed keeps the database's own error as its next exception rather than as its cause. */
    private static Throwable nextCause(Throwable failure) {
        if (failure.getCause() == null && failure instanceof SQLException sql) {
            return sql.getNextException();
        }
        return failure.getCause();
    }

    /** One line per conflict that will be retried: what and whose, never the person's data. */
    private static final class ConflictLog implements RetryListener {

        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable e) {
            if (isLostRace(e) && context.getRetryCount() < ATTEMPTS) {
                log.info(
                        "Conflict with the lifecycle, retrying operation={} individualId={} attempt={}",
                        context.getAttribute(OPERATION),
                        context.getAttribute(INDIVIDUAL_ID),
                        context.getRetryCount());
            }
        }
    }
}
