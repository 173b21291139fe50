package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.ERROR_ALREADY_DELETED;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencrm.accountlifecycle.deletion.AccountDeletionService;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DeleteAccount}: the deletion, in the engine's transaction. An individual an agent deleted first ends
 * the lifecycle through {@code Boundary_AlreadyDeleted}: the agent's deletion already sent its own mail, and a retry
 * would only end in an incident.
 */
@Component
class DeleteAccountDelegate implements JavaDelegate {

    private final AccountDeletionService deletion;
    private final LifecycleService lifecycle;

    DeleteAccountDelegate(AccountDeletionService deletion, LifecycleService lifecycle) {
        this.deletion = deletion;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String individualId = execution.getProcessBusinessKey();
        // a deletion that a login overtook would be rolled back anyway; checked first, it is not even logged
        lifecycle.requireCurrentStep(individualId, execution.getId(), "deletion");
        if (deletion.deleteForInactivity(individualId).isEmpty()) {
            throw new BpmnError(ERROR_ALREADY_DELETED, "The individual was already deleted");
        }
    }
}
