package org.opencrm.accountlifecycle.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request's work on an individual in a transaction of its own, and again when it lost an optimistic lock on the
 * individual's process instance to a timer, a job or another request ({@link OptimisticLockingException}): the next
 * attempt starts from what the other side committed, so that a citizen's login or an agent's action never fails
 * because the lifecycle moved at that moment. Inside a caller's transaction the conflict goes to that caller, whose
 * transaction is spoiled anyway.
 */
@Component
public class ConflictRetry {

    /** Enough for a timer and a second request on the same instance; a fourth conflict in a row is a real fault. */
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final TransactionTemplate transaction;

    ConflictRetry(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param operation what the work is, for the log
     * @param individualId whose lifecycle the work meets, for the log
     */
    public <T> T run(String operation, String individualId, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (OptimisticLockingException conflict) {
                if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw conflict;
                }
                log.info(
                        "Conflict with the lifecycle, retrying operation={} individualId={} attempt={}",
                        operation,
                        individualId,
                        attempt);
            }
        }
    }
}
