package org.opencrm.accountlifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencrm.accountlifecycle.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code Task_SendDeletionMail}: confirms the deletion to the address the person had. */
@Component
class SendDeletionMailDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendDeletionMailDelegate.class);

    private final NotificationService notifications;

    SendDeletionMailDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.sendDeletionConfirmation(execution.getProcessBusinessKey());
        log.info("Deletion confirmation sent individualId={}", execution.getProcessBusinessKey());
    }
}
