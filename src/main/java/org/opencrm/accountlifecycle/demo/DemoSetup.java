package org.opencrm.accountlifecycle.demo;

import org.opencrm.accountlifecycle.scheduler.ScheduledTaskService;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsChange;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo turns the mechanism on at start-up, as an administrator would, before the sample population is imported
 * (the import runs after this runner and enrols everyone), and runs the scheduled task every minute instead of every
 * night, so that its task log fills while one watches.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoSetup implements ApplicationRunner {

    static final String EVERY_MINUTE = "0 * * * * ?";

    private final SettingsService settings;
    private final ScheduledTaskService scheduledTask;

    DemoSetup(SettingsService settings, ScheduledTaskService scheduledTask) {
        this.settings = settings;
        this.scheduledTask = scheduledTask;
    }

    @Override
    public void run(ApplicationArguments args) {
        LifecycleSettings current = settings.current();
        settings.update(new SettingsChange(
                current.noticeDelayDays(),
                current.deletionDelayDays(),
                current.inactivityMode(),
                true,
                current.noticeTemplateId(),
                current.deletionTemplateId()));
        scheduledTask.change(EVERY_MINUTE, true);
    }
}
