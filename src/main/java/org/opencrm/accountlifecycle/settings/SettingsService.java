package org.opencrm.accountlifecycle.settings;

import java.util.List;
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
     * Validates and stores the change and stops the running countdowns when the mechanism is switched off, all in one
     * transaction: if they cannot stop, the change is not kept. Enrolling or realigning every countdown follows in the
     * background after the commit.
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

        List<SettingsFollowUp> followUps = listeners
                .orderedStream()
                .map(listener -> listener.settingsChanged(previous, saved))
                .toList();
        int countdownsChanged =
                followUps.stream().mapToInt(SettingsFollowUp::countdownsChanged).sum();
        boolean inBackground = followUps.stream().anyMatch(SettingsFollowUp::continuesInBackground);
        log.info(
                "Settings changed noticeDelayDays={} deletionDelayDays={} inactivityMode={} enabled={}"
                        + " countdownsChanged={} continuesInBackground={}",
                saved.noticeDelayDays(),
                saved.deletionDelayDays(),
                saved.inactivityMode(),
                saved.enabled(),
                countdownsChanged,
                inBackground);
        return new SettingsUpdate(saved, countdownsChanged, inBackground);
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

    /**
     * @param countdownsChanged countdowns stopped by the change itself
     * @param continuesInBackground whether countdowns are being enrolled or realigned after the commit
     */
    public record SettingsUpdate(LifecycleSettings settings, int countdownsChanged, boolean continuesInBackground) {}
}
