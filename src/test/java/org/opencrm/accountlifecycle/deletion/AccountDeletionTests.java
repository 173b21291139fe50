package org.opencrm.accountlifecycle.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.dossiers.Dossier;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualDeletedException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.profiles.Profile;
import org.opencrm.accountlifecycle.profiles.ProfileRepository;
import org.opencrm.accountlifecycle.registry.DeletionMethod;
import org.opencrm.accountlifecycle.registry.RegistryEntry;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The deletion of SPEC section 4: anonymised dossiers, detached profiles, a registry entry, a gone account. */
@AccountLifecycleTest
class AccountDeletionTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant CREATED = TODAY.minus(DAY.multipliedBy(400));
    private static final Instant FILED = TODAY.minus(DAY.multipliedBy(100));
    private static final String HOUSEHOLD = "HOUSEHOLD";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AccountDeletionService deletion;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    ActivityService activity;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    ProfileRepository profiles;

    @Autowired
    DossierRepository dossiers;

    @Autowired
    RegistryRepository registry;

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
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldPointTheDossiersAtTheAnonymousPartiesWhenTheLifecycleDeletesAnApplicant() {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-1", "Amélie", "Dupont", CREATED, lastLogin);
        data.individual("ind-2", "Jean", "Martin", CREATED, TODAY);
        data.individual("ind-3", "Zoé", "Petit", CREATED, TODAY);
        data.profile("household-1", HOUSEHOLD, "ind-1", "ind-2");
        data.profile("association-1", "ASSOCIATION", "ind-1", "ind-3");
        data.dossier("dos-housing", "housing-aid", "ind-1", "ind-1", "household-1", FILED);
        data.dossier("dos-transport", "school-transport", "ind-1", "ind-1", null, FILED);
        data.dossier("dos-of-jean", "school-transport", "ind-2", "ind-1", null, FILED);
        lifecycle.enrol("ind-1");
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));

        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));

        String anonymous = anonymousIndividual().id();
        String anonymousHousehold = anonymousProfile(HOUSEHOLD).id();
        assertThat(dossiers.findById("dos-housing"))
                .hasValue(new Dossier(
                        "dos-housing", "housing-aid", anonymous, anonymous, anonymousHousehold, FILED, FILED));
        assertThat(dossiers.findById("dos-transport"))
                .hasValue(new Dossier("dos-transport", "school-transport", anonymous, anonymous, null, FILED, FILED));
        assertThat(dossiers.findById("dos-of-jean"))
                .hasValue(new Dossier("dos-of-jean", "school-transport", "ind-2", anonymous, null, FILED, FILED));
        assertThat(profiles.findById("household-1")).isPresent();
        assertThat(profiles.findById("association-1")).isPresent();
        assertThat(memberships()).containsExactly("association-1:ind-3", "household-1:ind-2");
        assertThat(anonymousProfileCount()).isEqualTo(1);
        assertThat(registry.findByIndividualId("ind-1")).hasValueSatisfying(entry -> {
            assertThat(entry.method()).isEqualTo(DeletionMethod.AUTOMATIC);
            assertThat(entry.deletedAt()).isEqualTo(lastLogin.plus(DAY.multipliedBy(60)));
            assertThat(entry.dossiersAnonymised()).isEqualTo(2);
            assertThat(entry.beneficiaryDossiers()).isEqualTo(1);
            assertThat(entry.profilesDetached()).isEqualTo(2);
        });
    }

    @Test
    void shouldReuseOneAnonymousPartyPerTypeWhenTwoApplicantsAreDeleted() {
        applicantWithHousingDossier("ind-1");
        applicantWithHousingDossier("ind-2");
        data.scheme("association-grant", "ASSOCIATION");
        data.profile("association-1", "ASSOCIATION", "ind-2");
        data.dossier("dos-grant", "association-grant", "ind-2", "ind-2", "association-1", FILED);

        deletion.deleteForInactivity("ind-1");
        deletion.deleteForInactivity("ind-2");

        String anonymous = anonymousIndividual().id();
        assertThat(anonymousIndividualCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT profile_type FROM profile WHERE anonymous_key IS NOT NULL")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(HOUSEHOLD, "ASSOCIATION");
        assertThat(List.of(dossierOf("ind-1"), dossierOf("ind-2")))
                .extracting(Dossier::applicantId, Dossier::beneficiaryId, Dossier::profileId)
                .containsOnly(
                        tuple(anonymous, anonymous, anonymousProfile(HOUSEHOLD).id()));
        assertThat(dossiers.findById("dos-grant").orElseThrow().profileId())
                .isEqualTo(anonymousProfile("ASSOCIATION").id());
    }

    @Test
    void shouldCreateEachAnonymousPartyOnceWhenEightDeletionsRunAtTheSameTime() throws Exception {
        List<String> ids = IntStream.rangeClosed(1, 8).mapToObj(i -> "ind-" + i).toList();
        ids.forEach(this::applicantWithHousingDossier);
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());

        List<RegistryEntry> entries = new ArrayList<>();
        try {
            List<Future<RegistryEntry>> deletions = ids.stream()
                    .map(id -> threads.submit(() -> {
                        start.await();
                        return ownTransaction.execute(
                                status -> deletion.deleteForInactivity(id).orElseThrow());
                    }))
                    .toList();
            start.countDown();
            for (Future<RegistryEntry> deleted : deletions) {
                entries.add(deleted.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(anonymousIndividualCount()).isEqualTo(1);
        assertThat(anonymousProfileCount()).isEqualTo(1);
        assertThat(anonymousProfile(HOUSEHOLD).profileType()).isEqualTo(HOUSEHOLD);
        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(individuals.findById(id).orElseThrow().isDeleted())
                                .isTrue());
        assertThat(registry.count()).isEqualTo(8);
        assertThat(entries)
                .extracting(RegistryEntry::dossiersAnonymised, RegistryEntry::profilesDetached)
                .containsOnly(tuple(1, 1));
        assertThat(ids)
                .extracting(this::dossierOf)
                .extracting(Dossier::applicantId, Dossier::profileId)
                .containsOnly(tuple(
                        anonymousIndividual().id(), anonymousProfile(HOUSEHOLD).id()));
    }

    @Test
    void shouldNotFindTheIndividualWhenTheLifecycleDeletedIt() {
        deletedByTheLifecycle("ind-1");

        assertThat(individuals.findActiveById("ind-1")).isEmpty();
        assertThat(individuals.countActive()).isZero();
    }

    @Test
    void shouldRefuseTheLoginWhenTheIndividualIsDeleted() {
        deletedByTheLifecycle("ind-1");
        Instant lastLoginBefore = individuals.findById("ind-1").orElseThrow().lastLoginAt();
        time.advanceBy(DAY);

        assertThatThrownBy(() -> activity.recordLogin("ind-1"))
                .isInstanceOf(IndividualDeletedException.class)
                .hasMessage("individualId: individual 'ind-1' is deleted; the account can no longer be used");
        assertThat(individuals.findById("ind-1").orElseThrow().lastLoginAt()).isEqualTo(lastLoginBefore);
    }

    @Test
    void shouldLeaveNoRunningLifecycleWhenTheIndividualIsDeleted() {
        deletedByTheLifecycle("ind-1");

        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .processInstanceBusinessKey("ind-1")
                        .count())
                .isZero();
        assertThat(management.createJobQuery().processDefinitionKey(KEY).count())
                .isZero();
    }

    private void deletedByTheLifecycle(String individualId) {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual(individualId, "Amélie", "Dupont", CREATED, lastLogin);
        lifecycle.enrol(individualId);
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(60)));
        assertThat(registry.findByIndividualId(individualId)).isPresent();
    }

    private void applicantWithHousingDossier(String individualId) {
        data.individual(individualId, "Amélie", "Dupont", CREATED, TODAY);
        data.profile("household-of-" + individualId, HOUSEHOLD, individualId);
        data.dossier(
                "dos-" + individualId,
                "housing-aid",
                individualId,
                individualId,
                "household-of-" + individualId,
                FILED);
    }

    private Dossier dossierOf(String applicantId) {
        return dossiers.findById("dos-" + applicantId).orElseThrow();
    }

    private Individual anonymousIndividual() {
        return individuals.findByAnonymousKey(AnonymousParties.INDIVIDUAL_KEY).orElseThrow();
    }

    private Profile anonymousProfile(String profileType) {
        return profiles.findByAnonymousKey(AnonymousParties.INDIVIDUAL_KEY + ":" + profileType)
                .orElseThrow();
    }

    private long anonymousIndividualCount() {
        return jdbc.sql("SELECT COUNT(*) FROM individual WHERE anonymous_key IS NOT NULL")
                .query(Long.class)
                .single();
    }

    private long anonymousProfileCount() {
        return jdbc.sql("SELECT COUNT(*) FROM profile WHERE anonymous_key IS NOT NULL")
                .query(Long.class)
                .single();
    }

    private List<String> memberships() {
        return jdbc.sql("SELECT profile_id, individual_id FROM membership ORDER BY profile_id, individual_id")
                .query((row, number) -> row.getString("profile_id") + ":" + row.getString("individual_id"))
                .list();
    }
}
