package org.opencrm.accountlifecycle.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

class SmtpMailDelivery implements MailDelivery {

    private final JavaMailSender sender;

    SmtpMailDelivery(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public void deliver(MimeMessage message) {
        sender.send(message);
    }
}
