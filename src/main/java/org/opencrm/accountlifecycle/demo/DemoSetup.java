package org.opencrm.accountlifecycle.demo;

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
 * (the import runs after this runner and enrols everyone).
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoSetup implements ApplicationRunner {

    private final SettingsService settings;

    DemoSetup(SettingsService settings) {
        this.settings = settings;
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
    }
}
