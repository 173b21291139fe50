package org.opencrm.accountlifecycle.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.opencrm.accountlifecycle.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administration of mail templates: every template is validated before it is saved. */
@Service
class MailTemplateService {

    private static final Logger log = LoggerFactory.getLogger(MailTemplateService.class);

    private final MailTemplateRepository templates;
    private final JdbcAggregateTemplate aggregates;
    private final TemplateValidator validator;
    private final NotificationService notification;
    private final IndividualRepository individuals;
    private final SettingsService settings;
    private final Clock clock;

    MailTemplateService(
            MailTemplateRepository templates,
            JdbcAggregateTemplate aggregates,
            TemplateValidator validator,
            NotificationService notification,
            IndividualRepository individuals,
            SettingsService settings,
            Clock clock) {
        this.templates = templates;
        this.aggregates = aggregates;
        this.validator = validator;
        this.notification = notification;
        this.individuals = individuals;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Paged<Summary> list(int page, int size) {
        return new Paged<>(
                templates.count(),
                page,
                size,
                templates.findAllByOrderById(PageRequest.of(page, size)).stream()
                        .map(Summary::of)
                        .toList());
    }

    @Transactional(readOnly = true)
    MailTemplate read(String id) {
        return templates.findById(id).orElseThrow(() -> new MailTemplateNotFoundException(id));
    }

    @Transactional
    MailTemplate create(String id, MailTemplateChange change) {
        validator.validate(change.subject(), change.body());
        if (templates.existsById(id)) {
            throw alreadyTaken(id);
        }
        try {
            MailTemplate created = aggregates.insert(template(id, change));
            log.info("Template created templateId={}", id);
            return created;
        } catch (DataIntegrityViolationException e) {
            // another administrator created it since the check above
            throw alreadyTaken(id);
        }
    }

    @Transactional
    MailTemplate change(String id, MailTemplateChange change) {
        validator.validate(change.subject(), change.body());
        read(id);
        MailTemplate saved = templates.save(template(id, change));
        log.info("Template changed templateId={}", id);
        return saved;
    }

    /** @throws MailTemplateConflictException when the settings choose the template for a mail */
    @Transactional
    void delete(String id) {
        read(id);
        LifecycleSettings current = settings.current();
        if (id.equals(current.noticeTemplateId()) || id.equals(current.deletionTemplateId())) {
            throw inUse(id);
        }
        try {
            templates.deleteById(id);
        } catch (DataIntegrityViolationException e) {
            // the settings chose it since the check above; their foreign key keeps it
            throw inUse(id);
        }
        log.info("Template deleted templateId={}", id);
    }

    /**
     * The mail the template gives for an active individual, with the deletion date a person warned today would read:
     * today plus the grace period of the settings.
     */
    @Transactional(readOnly = true)
    TemplateRenderer.RenderedMail preview(String id, String individualId) {
        MailTemplate template = read(id);
        Individual individual = individuals
                .findActiveById(individualId)
                .orElseThrow(() -> new IndividualNotFoundException(individualId));
        Instant sampleDeletion =
                clock.instant().plus(Duration.ofDays(settings.current().graceDays()));
        return notification.render(template, individual, sampleDeletion);
    }

    private static MailTemplate template(String id, MailTemplateChange change) {
        return new MailTemplate(id, change.name(), change.subject(), change.body());
    }

    private static MailTemplateConflictException alreadyTaken(String id) {
        return new MailTemplateConflictException("id", "A mail template with id '" + id + "' already exists");
    }

    private static MailTemplateConflictException inUse(String id) {
        return new MailTemplateConflictException(
                "id", "The mail template '" + id + "' is chosen in the settings; choose another one first");
    }

    /** A template in a list, without its body. */
    record Summary(String id, String name, String subject) {

        static Summary of(MailTemplate template) {
            return new Summary(template.id(), template.name(), template.subject());
        }
    }
}
