package org.opencrm.accountlifecycle.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Subject and HTML body of a mail, with Mustache placeholders such as {@code {{firstName}}}. */
@Table("mail_template")
public record MailTemplate(@Id String id, String name, String subject, String body) {}
