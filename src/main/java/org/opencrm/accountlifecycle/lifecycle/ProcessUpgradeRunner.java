package org.opencrm.accountlifecycle.lifecycle;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves the running lifecycles to the version of {@code account-lifecycle.bpmn} that start-up has just deployed,
 * unless {@code account-lifecycle.lifecycle.migrate-on-start} is false. Application runners run after the engine's
 * auto-deployment and before this node's job executor starts (on {@code ApplicationReadyEvent}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessUpgradeRunner implements ApplicationRunner {

    private final ProcessUpgrade upgrade;
    private final LifecycleProperties properties;

    ProcessUpgradeRunner(ProcessUpgrade upgrade, LifecycleProperties properties) {
        this.upgrade = upgrade;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.migrateOnStart()) {
            upgrade.migrateToLatest();
        }
    }
}
