package org.opencrm.accountlifecycle.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SettingsService {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

    private final SettingsRepository settings;
    private final TemplateCatalogue templates;
    // looked up when needed: the listeners themselves read the settings
    private final ObjectProvider<SettingsChangeListener> listeners;

    SettingsService(
            SettingsRepository settings,
            TemplateCatalogue templates,
            ObjectProvider<SettingsChangeListener> listeners) {
        this.settings = settings;
        this.templates = templates;
        this.listeners = listeners;
    }

    @Transactional(readOnly = true)
    public LifecycleSettings current() {
        return settings.findById(LifecycleSettings.SINGLE_ROW_ID)
                .orElseThrow(() -> new IllegalStateException("The settings row is missing; check the migrations"));
    }

    /**
     * Validates and stores the change, then lets the running countdowns follow it, all in one transaction: if they
     * cannot follow, the change is not kept.
     */
    @Transactional
    public SettingsUpdate update(SettingsChange change) {
        validate(change);
        LifecycleSettings previous = settings.findForUpdate().orElseThrow();
        LifecycleSettings saved = settings.save(new LifecycleSettings(
                LifecycleSettings.SINGLE_ROW_ID,
                change.noticeDelayDays(),
                change.deletionDelayDays(),
                change.inactivityMode(),
                change.enabled(),
                change.noticeTemplateId(),
                change.deletionTemplateId()));

        int countdownsChanged = listeners
                .orderedStream()
                .mapToInt(listener -> listener.settingsChanged(previous, saved))
                .sum();
        log.info(
                "Settings changed noticeDelayDays={} deletionDelayDays={} inactivityMode={} enabled={}"
                        + " countdownsChanged={}",
                saved.noticeDelayDays(),
                saved.deletionDelayDays(),
                saved.inactivityMode(),
                saved.enabled(),
                countdownsChanged);
        return new SettingsUpdate(saved, countdownsChanged);
    }

    private void validate(SettingsChange change) {
        if (change.deletionDelayDays() <= change.noticeDelayDays()) {
            throw new InvalidSettingsException(
                    "deletionDelayDays",
                    "The deletion delay (" + change.deletionDelayDays()
                            + " days) must be longer than the notice delay (" + change.noticeDelayDays() + " days)");
        }
        if (!templates.exists(change.noticeTemplateId())) {
            throw new InvalidSettingsException(
                    "noticeTemplateId", "No mail template with id '" + change.noticeTemplateId() + "'");
        }
        if (!templates.exists(change.deletionTemplateId())) {
            throw new InvalidSettingsException(
                    "deletionTemplateId", "No mail template with id '" + change.deletionTemplateId() + "'");
        }
    }

    public record SettingsUpdate(LifecycleSettings settings, int countdownsChanged) {}
}
