package org.opencrm.accountlifecycle.importer;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports {@code account-lifecycle.import.folder} at start-up, once; a failed import stops the start-up and keeps
 * nothing. Run it once per database: a second run finds every id taken and fails.
 *
 * <p>It runs last among the application runners ({@link #ORDER}), so that a runner that prepares the settings, such as
 * the demo's that turns the mechanism on, has done so and the import enrols what it wrote. Such a runner must declare
 * an {@code @Order} of higher precedence: a runner without one ties with this one. Were the mechanism turned on later,
 * turning it on enrols the imported individuals anyway.
 */
@Component
@ConditionalOnProperty(prefix = "account-lifecycle.import", name = "folder")
@EnableConfigurationProperties(ImportProperties.class)
@Order(CsvImportRunner.ORDER)
class CsvImportRunner implements ApplicationRunner {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE;

    private final CsvImporter importer;
    private final ImportProperties properties;
    private final Duration dayLength;
    private final Clock clock;

    CsvImportRunner(
            CsvImporter importer,
            ImportProperties properties,
            @Value("${account-lifecycle.lifecycle.day-length:P1D}") Duration dayLength,
            Clock clock) {
        this.importer = importer;
        this.properties = properties;
        this.dayLength = dayLength;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        DateWarp warp = properties
                .samplesAsOfInstant()
                .map(asOf -> new DateWarp(asOf, clock.instant(), dayLength))
                .orElse(DateWarp.none());

        importer.importFolder(properties.folder(), warp);
    }
}
