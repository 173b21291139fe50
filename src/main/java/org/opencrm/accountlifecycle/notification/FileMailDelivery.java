package org.opencrm.accountlifecycle.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * Writes each mail as an .eml file (openable by any mail client) instead of sending it: the embedded default shows
 * its mails without a mail server.
 */
class FileMailDelivery implements MailDelivery {

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    FileMailDelivery(Path folder) {
        this.folder = folder;
    }

    @Override
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    @Override
    public void deliver(MimeMessage message) {
        try {
            Files.createDirectories(folder);
            String template = message.getHeader(NotificationService.TEMPLATE_HEADER, null);
            Path file = folder.resolve(System.currentTimeMillis() + "-" + template + "-" + UUID.randomUUID() + ".eml");
            message.saveChanges();
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a mail into " + folder, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not write a mail into " + folder, e);
        }
    }
}
