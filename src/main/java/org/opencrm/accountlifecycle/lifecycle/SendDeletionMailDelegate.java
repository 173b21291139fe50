package org.opencrm.accountlifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencrm.accountlifecycle.notification.SentMailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code Task_SendDeletionMail}: confirms the deletion to the address the person had, once. */
@Component
class SendDeletionMailDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDeletionMailDelegate.class);

    private final SentMailService sentMails;

    SendDeletionMailDelegate(SentMailService sentMails) {
        this.sentMails = sentMails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (sentMails.sendDeletionConfirmationOnce(execution.getProcessBusinessKey())) {
            log.info("Deletion confirmation sent individualId={}", execution.getProcessBusinessKey());
        }
    }
}
