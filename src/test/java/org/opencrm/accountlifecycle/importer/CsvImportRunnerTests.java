package org.opencrm.accountlifecycle.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up import: which folder, and how the sample dates move when the samples' as-of date is given. */
@AccountLifecycleTest
class CsvImportRunnerTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant NOW = Instant.parse("2027-03-15T10:00:00Z");
    private static final Duration DEMO_DAY = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    CsvImporter importer;

    @Autowired
    Clock clock;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        time.start(NOW);
        new TestData(jdbc, runtime).reset();
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldPutATenDayOldLoginTwentySecondsBackWhenTheSamplesAsOfDateIsSetAndADayLastsTwoSeconds() {
        CsvImportRunner runner = runner(Map.of(
                "account-lifecycle.import.folder",
                CsvFolder.valid().writeTo(folder).toString(),
                "account-lifecycle.import.samples-as-of",
                "2026-12-01"));

        runner.run(null);

        assertThat(individuals.findById("ind-1").map(Individual::lastLoginAt))
                .hasValue(NOW.minus(Duration.ofSeconds(20)));
        assertThat(lifecycles()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheDatesOfTheFilesWhenNoSamplesAsOfDateIsSet() {
        CsvImportRunner runner = runner(Map.of(
                "account-lifecycle.import.folder",
                CsvFolder.valid().writeTo(folder).toString()));

        runner.run(null);

        assertThat(individuals.findById("ind-1").map(Individual::lastLoginAt))
                .hasValue(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void shouldTakeTheSamplesAsOfDateAsAnInstantWhenItHasATime() {
        ImportProperties properties = bind(Map.of(
                "account-lifecycle.import.folder", "samples",
                "account-lifecycle.import.samples-as-of", "2026-12-01T06:00:00Z"));

        assertThat(properties.folder()).isEqualTo(Path.of("samples"));
        assertThat(properties.samplesAsOfInstant()).hasValue(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void shouldRefuseToStartWhenTheSamplesAsOfDateIsNotADate() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of(
                        "account-lifecycle.import.folder", "samples",
                        "account-lifecycle.import.samples-as-of", "1st December")))
                .havingRootCause()
                .withMessageStartingWith("Text '1st December' could not be parsed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ImportProperties(Path.of("samples"), "1st December"))
                .withMessage("account-lifecycle.import.samples-as-of must be a day such as 2026-12-01 or an instant "
                        + "such as 2026-12-01T00:00:00Z");
    }

    private CsvImportRunner runner(Map<String, String> properties) {
        return new CsvImportRunner(importer, bind(properties), DEMO_DAY, clock);
    }

    private long lifecycles() {
        return runtime.createProcessInstanceQuery().count();
    }

    private static ImportProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("account-lifecycle.import", ImportProperties.class)
                .get();
    }
}
