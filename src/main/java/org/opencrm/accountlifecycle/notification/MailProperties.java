package org.opencrm.accountlifecycle.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param delivery {@code smtp} sends through {@code spring.mail.*}; {@code files} writes each mail as an .eml file
 *     into {@code folder}, so that the embedded default shows its mails with nothing installed
 * @param from the sender address
 * @param portalUrl the citizen portal, offered in every mail
 * @param zone the time zone in which dates are written in mails
 * @param locale the language of dates in mails
 */
@Validated
@ConfigurationProperties("account-lifecycle.mail")
record MailProperties(
        @NotNull @DefaultValue("files") Delivery delivery,
        @NotNull @DefaultValue("target/mails") Path folder,
        @NotBlank @DefaultValue("no-reply@crm.example.org") String from,

        @NotBlank @DefaultValue("https://portail.example.org")
        String portalUrl,

        @NotNull @DefaultValue("Europe/Paris") ZoneId zone,
        @NotNull @DefaultValue("fr-FR") Locale locale) {

    enum Delivery {
        SMTP,
        FILES
    }
}
