package org.opencrm.accountlifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencrm.accountlifecycle.deletion.AccountDeletionService;
import org.springframework.stereotype.Component;

/** {@code Task_DeleteAccount}: the deletion, in the engine's transaction. */
@Component
class DeleteAccountDelegate implements JavaDelegate {

    private final AccountDeletionService deletion;

    DeleteAccountDelegate(AccountDeletionService deletion) {
        this.deletion = deletion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deletion.deleteForInactivity(execution.getProcessBusinessKey());
    }
}
