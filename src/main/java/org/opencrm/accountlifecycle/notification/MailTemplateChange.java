package org.opencrm.accountlifecycle.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencrm.accountlifecycle.web.SingleLine;

/**
 * What an administrator submits to create or change a template. The length of the subject, the size of the body and
 * their placeholders are checked by {@link TemplateValidator}, which names line and column.
 */
record MailTemplateChange(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank String subject,
        @NotNull String body) {}
