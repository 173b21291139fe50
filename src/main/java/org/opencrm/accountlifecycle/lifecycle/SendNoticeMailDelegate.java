package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendNoticeMail}: warns the person and starts the grace period. */
@Component
class SendNoticeMailDelegate implements JavaDelegate {

    private final LifecycleService lifecycle;

    SendNoticeMailDelegate(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant sentAt = lifecycle.sendNotice(execution.getProcessBusinessKey(), execution.getId());
        // local to the countdown's scope: a restarted countdown starts without a notice
        execution.setVariableLocal(VAR_NOTICE_SENT_AT, Date.from(sentAt));
    }
}
