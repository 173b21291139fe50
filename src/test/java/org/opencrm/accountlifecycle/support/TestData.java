package org.opencrm.accountlifecycle.support;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes CRM rows for a test and clears everything between tests, so that tests on a shared database (PostgreSQL in
 * CI) never see each other's data.
 */
public final class TestData {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    public TestData(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /**
     * Removes every lifecycle and CRM row and every mail template a test created, and puts the settings back: on, 30
     * and 60 days, NO_LOGIN.
     */
    public void reset() {
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .map(ProcessInstance::getId)
                .toList();
        runtime.deleteProcessInstances(instances, "test reset", true, true);
        for (String table : List.of(
                "sent_mail",
                "registry_entry",
                "lifecycle_enrolment",
                "membership",
                "dossier",
                "profile",
                "scheme",
                "individual")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("""
                        UPDATE lifecycle_settings SET notice_delay_days = 30, deletion_delay_days = 60,
                               inactivity_mode = 'NO_LOGIN', enabled = TRUE,
                               notice_template_id = 'inactivity-notice', deletion_template_id = 'account-deleted'
                        """).update();
        // templates a test created; the two of the migration stay as the migration wrote them
        jdbc.sql("DELETE FROM mail_template WHERE id NOT IN ('inactivity-notice', 'account-deleted')")
                .update();
    }

    public void individual(String id, String firstName, String lastName, Instant createdAt, Instant lastLoginAt) {
        jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, last_login_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(id, firstName, lastName, id + "@citizen.example.org", utc(createdAt), utc(lastLoginAt))
                .update();
    }

    public void scheme(String id, String profileType) {
        jdbc.sql("INSERT INTO scheme (id, name, profile_type) VALUES (?, ?, ?)")
                .params(id, "Scheme " + id, profileType)
                .update();
    }

    public void profile(String id, String type, String... memberIds) {
        jdbc.sql("INSERT INTO profile (id, profile_type, name) VALUES (?, ?, ?)")
                .params(id, type, "Profile " + id)
                .update();
        for (String member : memberIds) {
            jdbc.sql("INSERT INTO membership (profile_id, individual_id) VALUES (?, ?)")
                    .params(id, member)
                    .update();
        }
    }

    public void dossier(
            String id, String schemeId, String applicantId, String beneficiaryId, String profileId, Instant at) {
        jdbc.sql("""
                        INSERT INTO dossier
                            (id, scheme_id, applicant_id, beneficiary_id, profile_id, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, schemeId, applicantId, beneficiaryId, profileId, utc(at), utc(at))
                .update();
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
