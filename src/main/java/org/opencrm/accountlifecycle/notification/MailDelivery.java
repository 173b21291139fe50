package org.opencrm.accountlifecycle.notification;

import jakarta.mail.internet.MimeMessage;

/** Hands a composed mail over; throws when it could not, so that the engine retries the step. */
interface MailDelivery {

    MimeMessage newMessage();

    void deliver(MimeMessage message);
}
