package org.opencrm.accountlifecycle.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** Composes the two mails of the lifecycle from the chosen templates and hands them to the configured delivery. */
@Service
public class NotificationService {

    /** Names the template a mail came from, so that operators and tests can tell the mails apart. */
    static final String TEMPLATE_HEADER = "X-Account-Lifecycle-Template";

    private final IndividualRepository individuals;
    private final MailTemplateRepository templates;
    private final SettingsService settings;
    private final TemplateRenderer renderer;
    private final MailDelivery delivery;
    private final MailProperties properties;
    private final DateTimeFormatter dates;
    private final ProductMetrics metrics;

    NotificationService(
            IndividualRepository individuals,
            MailTemplateRepository templates,
            SettingsService settings,
            TemplateRenderer renderer,
            MailDelivery delivery,
            MailProperties properties,
            ProductMetrics metrics) {
        this.individuals = individuals;
        this.templates = templates;
        this.settings = settings;
        this.renderer = renderer;
        this.delivery = delivery;
        this.properties = properties;
        this.metrics = metrics;
        this.dates =
                DateTimeFormatter.ofPattern("d MMMM yyyy", properties.locale()).withZone(properties.zone());
    }

    /** The warning: the account will be deleted on {@code plannedDeletion} unless the person uses it. */
    public void sendInactivityNotice(String individualId, Instant plannedDeletion) {
        send(individualId, settings.current().noticeTemplateId(), plannedDeletion);
    }

    /** The confirmation, sent to the address the person had: the row keeps it after the logical deletion. */
    public void sendDeletionConfirmation(String individualId) {
        Individual individual = find(individualId);
        if (!individual.isDeleted()) {
            throw new IllegalStateException("Individual " + individualId + " is not deleted; no confirmation to send");
        }
        send(individualId, settings.current().deletionTemplateId(), individual.deletedAt());
        metrics.deletionMailSent();
    }

    private void send(String individualId, String templateId, Instant deletionDate) {
        Individual individual = find(individualId);
        MailTemplate template = templates
                .findById(templateId)
                .orElseThrow(() -> new IllegalStateException("The mail template '" + templateId + "' is missing"));
        TemplateRenderer.RenderedMail mail = render(template, individual, deletionDate);
        try {
            MimeMessage message = delivery.newMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(individual.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.htmlBody(), true);
            message.setHeader(TEMPLATE_HEADER, templateId);
            delivery.deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not compose the mail for individual " + individualId, e);
        }
    }

    /** The mail {@code template} gives for {@code individual}, as sent or as previewed. */
    TemplateRenderer.RenderedMail render(MailTemplate template, Individual individual, Instant deletionDate) {
        return renderer.render(template, placeholders(individual, deletionDate));
    }

    private Map<String, String> placeholders(Individual individual, Instant deletionDate) {
        return Map.of(
                "firstName", individual.firstName(),
                "lastName", individual.lastName(),
                "deletionDate", dates.format(deletionDate),
                "portalUrl", properties.portalUrl());
    }

    private Individual find(String individualId) {
        return individuals.findById(individualId).orElseThrow(() -> new IndividualNotFoundException(individualId));
    }
}
