package org.opencrm.accountlifecycle.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TASK_DELETE_ACCOUNT;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deletion is one transaction: a database failure after any of its steps leaves the individual, the registry,
 * the dossiers and the memberships as they were, and the engine's retry then deletes once. Faults are real database
 * refusals (a CHECK constraint, or a row that a foreign key protects) added by the test and dropped afterwards, in SQL
 * that H2 and PostgreSQL both accept. Settings: notice 30 days, deletion 60 days, NO_LOGIN; retries R3/PT5M.
 */
@AccountLifecycleTest
class DeletionFaultTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));
    private static final Instant LAST_LOGIN = TODAY.minus(DAY.multipliedBy(10));
    private static final Instant FILED = TODAY.minus(DAY.multipliedBy(100));
    private static final String HOUSEHOLD = "HOUSEHOLD";
    private static final String DELETION_SUBJECT = "Votre compte a été supprimé";

    /** Where the deletion fails; the SQL may name the Anonymous individual (%1$s) and household (%2$s). */
    enum Fault {
        ON_LOGICAL_DELETE("ALTER TABLE individual ADD CONSTRAINT fault_individual CHECK (deleted_at IS NULL)"),
        AFTER_LOGICAL_DELETE("""
                ALTER TABLE dossier ADD CONSTRAINT fault_dossier
                    CHECK (profile_id IS NULL OR profile_id <> '%2$s')
                """),
        AFTER_PROFILE_REPLACEMENT("""
                ALTER TABLE dossier ADD CONSTRAINT fault_dossier
                    CHECK (id <> 'dos-housing' OR applicant_id <> '%1$s')
                """),
        // one statement updates both dossiers of the applicant: the other one may be updated already
        AFTER_ONE_APPLICANT_DOSSIER("""
                ALTER TABLE dossier ADD CONSTRAINT fault_dossier
                    CHECK (id <> 'dos-transport' OR applicant_id <> '%1$s')
                """),
        AFTER_APPLICANT_DOSSIERS("""
                ALTER TABLE dossier ADD CONSTRAINT fault_dossier
                    CHECK (id <> 'dos-of-jean' OR beneficiary_id <> '%1$s')
                """),
        AFTER_DOSSIERS("""
                CREATE TABLE fault_membership (
                    profile_id    VARCHAR(64) NOT NULL,
                    individual_id VARCHAR(64) NOT NULL,
                    FOREIGN KEY (profile_id, individual_id) REFERENCES membership (profile_id, individual_id)
                );
                INSERT INTO fault_membership (profile_id, individual_id) VALUES ('association-1', 'ind-1')
                """),
        AFTER_DETACHING_FROM_PROFILES("""
                ALTER TABLE registry_entry ADD CONSTRAINT fault_registry CHECK (individual_id <> 'ind-1')
                """);

        private final String sql;

        Fault(String sql) {
            this.sql = sql;
        }
    }

    private static final List<String> REMOVE_FAULTS = List.of(
            "ALTER TABLE individual DROP CONSTRAINT IF EXISTS fault_individual",
            "ALTER TABLE dossier DROP CONSTRAINT IF EXISTS fault_dossier",
            "ALTER TABLE registry_entry DROP CONSTRAINT IF EXISTS fault_registry",
            "DROP TABLE IF EXISTS fault_membership");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    AnonymousParties anonymous;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        data.reset();
        data.scheme("housing-aid", HOUSEHOLD);
        data.scheme("school-transport", null);
        data.individual("ind-1", "Amélie", "Dupont", CREATED, LAST_LOGIN);
        data.individual("ind-2", "Jean", "Martin", CREATED, TODAY);
        data.individual("ind-3", "Zoé", "Petit", CREATED, TODAY);
        data.profile("household-1", HOUSEHOLD, "ind-1", "ind-2");
        data.profile("association-1", "ASSOCIATION", "ind-1", "ind-3");
        data.dossier("dos-housing", "housing-aid", "ind-1", "ind-1", "household-1", FILED);
        data.dossier("dos-transport", "school-transport", "ind-1", "ind-1", null, FILED);
        data.dossier("dos-of-jean", "school-transport", "ind-2", "ind-1", null, FILED);
    }

    @AfterEach
    void removeFaultAndResetClock() {
        removeFault();
        time.reset();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void shouldChangeNothingAndDeleteOnceOnRetryWhenTheDeletionFails(Fault fault) throws MessagingException {
        String anonymousId = anonymous.individualId();
        String anonymousHousehold = anonymous.profileId(HOUSEHOLD);
        Job deletionJob = deletionJobDue();
        List<String> dossiersBefore = dossierRows();
        List<String> membershipsBefore = membershipRows();
        injectFault(fault, anonymousId, anonymousHousehold);

        assertThatThrownBy(() -> management.executeJob(deletionJob.getId())).hasRootCauseInstanceOf(SQLException.class);

        assertThat(management
                        .createJobQuery()
                        .jobId(deletionJob.getId())
                        .singleResult()
                        .getRetries())
                .isEqualTo(2);
        assertThat(deletedAt("ind-1")).isNull();
        assertThat(registryCount()).isZero();
        assertThat(dossierRows()).isEqualTo(dossiersBefore);
        assertThat(membershipRows()).isEqualTo(membershipsBefore);

        removeFault();
        time.advanceBy(Duration.ofMinutes(5));

        assertThat(deletedAt("ind-1"))
                .isEqualTo(TODAY.plus(DAY.multipliedBy(50)).plus(Duration.ofMinutes(5)));
        assertThat(registryCount()).isEqualTo(1);
        assertThat(registryRow()).isEqualTo("ind-1 AUTOMATIC 2 1 2");
        assertThat(dossierRows())
                .containsExactly(
                        "dos-housing %s %s %s".formatted(anonymousId, anonymousId, anonymousHousehold),
                        "dos-of-jean ind-2 %s null".formatted(anonymousId),
                        "dos-transport %s %s null".formatted(anonymousId, anonymousId));
        assertThat(membershipRows()).containsExactly("association-1:ind-3", "household-1:ind-2");
        assertThat(deletionMails()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
    }

    /** Notice sent at day 30; at day 60 the deletion timer fires and leaves the deletion job due. */
    private Job deletionJobDue() {
        lifecycle.enrol("ind-1");
        time.advanceTo(LAST_LOGIN.plus(DAY.multipliedBy(30)));
        time.pin(LAST_LOGIN.plus(DAY.multipliedBy(60)));
        Job timer = management.createJobQuery().activityId(TIMER_DELETION_DUE).singleResult();
        management.executeJob(timer.getId());
        return management.createJobQuery().activityId(TASK_DELETE_ACCOUNT).singleResult();
    }

    private void injectFault(Fault fault, String anonymousId, String anonymousHousehold) {
        for (String statement :
                fault.sql.formatted(anonymousId, anonymousHousehold).split(";")) {
            jdbc.sql(statement).update();
        }
    }

    private void removeFault() {
        REMOVE_FAULTS.forEach(statement -> jdbc.sql(statement).update());
    }

    private Instant deletedAt(String individualId) {
        return individuals.findById(individualId).orElseThrow().deletedAt();
    }

    private long registryCount() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_entry").query(Long.class).single();
    }

    private String registryRow() {
        return jdbc.sql("""
                        SELECT individual_id, method, dossiers_anonymised, beneficiary_dossiers, profiles_detached
                        FROM registry_entry
                        """)
                .query((row, number) -> String.join(
                        " ", row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)))
                .single();
    }

    private List<String> dossierRows() {
        return jdbc.sql("SELECT id, applicant_id, beneficiary_id, profile_id FROM dossier ORDER BY id")
                .query((row, number) -> String.join(
                        " ",
                        row.getString("id"),
                        row.getString("applicant_id"),
                        row.getString("beneficiary_id"),
                        String.valueOf(row.getString("profile_id"))))
                .list();
    }

    private List<String> membershipRows() {
        return jdbc.sql("SELECT profile_id, individual_id FROM membership ORDER BY profile_id, individual_id")
                .query((row, number) -> row.getString("profile_id") + ":" + row.getString("individual_id"))
                .list();
    }

    private long deletionMails() throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            subjects.add(mail.getSubject());
        }
        return subjects.stream().filter(DELETION_SUBJECT::equals).count();
    }
}
