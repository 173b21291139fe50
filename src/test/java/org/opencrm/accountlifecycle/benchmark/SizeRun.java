package org.opencrm.accountlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_DELETION_DUE;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.TIMER_NOTICE_DUE;

import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.opencrm.accountlifecycle.AccountLifecycleApplication;
import org.opencrm.accountlifecycle.activity.ActivityService;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.scheduler.ScheduledTaskService;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.settings.SettingsChange;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One population on a database of its own: the real application (profile {@code postgres}, job executor on, mail to
 * the in-process SMTP server) started on it, then the enrolment beside its floor, the logins beside a bare UPDATE, and
 * the drain. Every phase checks that its work was done and fails the run otherwise; none checks its speed.
 */
final class SizeRun {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final BenchmarkSettings settings;
    private final GreenMail smtp;
    private final int size;
    private final int drain;

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private ManagementService management;
    private Population population;
    private Instant now;

    SizeRun(BenchmarkSettings settings, GreenMail smtp, int size) {
        this.settings = settings;
        this.smtp = smtp;
        this.size = size;
        this.drain = settings.drainOf(size);
    }

    SizeResult measure() throws Exception {
        ClockUtil.reset();
        double loadAtStart = loadAverage();
        try (BenchmarkDatabase database = BenchmarkDatabase.create(settings, size)) {
            long startup = System.nanoTime();
            app = start(database);
            try {
                double startupSeconds = secondsSince(startup);
                progress("application started on database %s in %.1f s", database.name(), startupSeconds);
                double setupSeconds = setUp();
                SizeResult.Enrolment enrolment = enrol();
                analyseAsAutovacuumWould();
                SizeResult.Logins logins = logIn();
                SizeResult.Drain drained = drainDueAccounts();
                return new SizeResult(
                        size,
                        drain,
                        startupSeconds,
                        setupSeconds,
                        loadAtStart,
                        loadAverage(),
                        enrolment,
                        logins,
                        drained,
                        configuration());
            } finally {
                ClockUtil.reset();
                app.close();
            }
        }
    }

    private ConfigurableApplicationContext start(BenchmarkDatabase database) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + settings.pgUser(),
                "--spring.datasource.password=" + settings.pgPassword(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // the product logs one line per notice and deletion, as in production, into a file; the console
                // keeps the benchmark's own lines
                "--logging.file.name=" + settings.output().resolve("application.log"),
                "--logging.threshold.console=WARN"));
        for (String role : List.of("administrator", "agent", "integration")) {
            arguments.add("--account-lifecycle.security." + role + ".password=" + UUID.randomUUID());
        }
        return new SpringApplicationBuilder(AccountLifecycleApplication.class)
                .profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    /**
     * The mechanism on (30 and 35 days, NO_LOGIN) before anyone exists, then the population written behind the
     * product's back, as an import by another system would: nobody has a lifecycle yet. The scheduled task is off, so
     * that the clock jumps of the drain do not start a realignment of every timer.
     */
    private double setUp() throws Exception {
        long start = System.nanoTime();
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        management = app.getBean(ManagementService.class);
        ScheduledTaskService scheduledTask = app.getBean(ScheduledTaskService.class);
        scheduledTask.change(scheduledTask.cron(), false);
        app.getBean(SettingsService.class)
                .update(new SettingsChange(
                        (int) Population.NOTICE_DELAY.toDays(),
                        (int) Population.DELETION_DELAY.toDays(),
                        InactivityMode.NO_LOGIN,
                        true,
                        "inactivity-notice",
                        "account-deleted"));

        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        population = new Population(app.getBean(DataSource.class), now, size, drain);
        population.write();
        // what autovacuum does after a bulk load, so that the planner knows their sizes. The engine's tables stay
        // unanalysed, as on a new installation: analysed empty, they would make PostgreSQL plan its foreign key checks
        // as sequential scans and keep those plans for the whole enrolment, which then grows with N squared
        jdbc.execute("ANALYZE individual, profile, membership, scheme, dossier");

        assertThat(count("SELECT COUNT(*) FROM individual")).isEqualTo(size);
        double seconds = secondsSince(start);
        progress("set-up: %,d individuals, %,d of them with five dossiers, in %.1f s", size, drain, seconds);
        return seconds;
    }

    /**
     * Autovacuum analyses a table soon after a tenth of it changed; a server with autovacuum off (test machines) never
     * does, and the engine's correlation by business key, planned on no statistics, then reads every message
     * subscription for each login. Not measured.
     */
    private void analyseAsAutovacuumWould() {
        jdbc.execute("ANALYZE");
    }

    private SizeResult.Enrolment enrol() throws Exception {
        LifecycleService lifecycle = app.getBean(LifecycleService.class);

        DatabaseWork before = DatabaseWork.now(jdbc);
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        int enrolled;
        HeapWatch.HeapPeak peak;
        try {
            enrolled = lifecycle.enrolAllWithoutLifecycle();
        } finally {
            peak = heap.stop();
        }
        double productSeconds = secondsSince(start);
        DatabaseWork database = DatabaseWork.now(jdbc).since(before);

        assertThat(enrolled).as("accounts enrolled").isEqualTo(size);
        assertThat(count("SELECT COUNT(*) FROM lifecycle_enrolment"))
                .as("enrolment rows")
                .isEqualTo(size);
        assertThat(noticeTimers().count()).as("notice timers").isEqualTo(size);
        progress("enrolment: %,d accounts in %.1f s", size, productSeconds);

        double floorSeconds = floor();
        progress("floor: %,d rows in %.2f s", size, floorSeconds);
        return new SizeResult.Enrolment(productSeconds, floorSeconds, peak, database);
    }

    /**
     * The least durable state a countdown needs: one row per account with its due date, keyed by the account and
     * indexed by due date so that due accounts can be found, written with plain JDBC batches and committed every
     * page, as many rows per transaction as the product's page size.
     */
    private double floor() throws Exception {
        jdbc.execute("""
                CREATE TABLE benchmark_floor (
                    individual_id VARCHAR(64) NOT NULL PRIMARY KEY,
                    due_at        TIMESTAMP WITH TIME ZONE NOT NULL
                )""");
        jdbc.execute("CREATE INDEX ix_benchmark_floor_due ON benchmark_floor (due_at)");
        int pageSize = pageSize();

        long start = System.nanoTime();
        try (Connection connection = app.getBean(DataSource.class).getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO benchmark_floor (individual_id, due_at) VALUES (?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < size; i++) {
                insert.setString(1, Population.individualId(i));
                insert.setObject(2, utc(population.lastLoginOf(i).plus(Population.NOTICE_DELAY)));
                insert.addBatch();
                if ((i + 1) % pageSize == 0 || i == size - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            connection.setAutoCommit(true);
        }
        double seconds = secondsSince(start);

        assertThat(count("SELECT COUNT(*) FROM benchmark_floor"))
                .as("floor rows")
                .isEqualTo(size);
        jdbc.execute("DROP TABLE benchmark_floor");
        return seconds;
    }

    /**
     * Logins of distinct individuals outside the drain, in random order: first login of the day (it moves the
     * waiting notice timer), the same individuals again (a second login the same day, which leaves the timer where the
     * first put it), then a bare UPDATE of the last-login column for each, from as many clients through the
     * application's connection pool.
     */
    private SizeResult.Logins logIn() throws Exception {
        ActivityService activity = app.getBean(ActivityService.class);
        List<String> ids = loginIds();

        DatabaseWork before = DatabaseWork.now(jdbc);
        Load.Result first = Load.run(settings.clients(), ids, activity::recordLogin);
        DatabaseWork database = DatabaseWork.now(jdbc).since(before);
        // a moved notice timer lies 30 days after the login; no other notice lies that far
        assertThat(noticeTimers()
                        .duedateHigherThan(Date.from(now.plus(Population.NOTICE_DELAY)))
                        .count())
                .as("notice timers moved by a login")
                .isEqualTo(ids.size());
        progress("logins: %,d events, %,.0f/s, p99 %.1f ms", first.events(), first.perSecond(), first.p99());

        Load.Result sameDay = Load.run(settings.clients(), ids, activity::recordLogin);
        assertThat(noticeTimers().count())
                .as("notice timers after the second logins")
                .isEqualTo(size);
        progress("same-day logins: %,.0f/s, p99 %.1f ms", sameDay.perSecond(), sameDay.p99());

        Load.Result bare = Load.run(settings.clients(), ids, this::bareLoginUpdate);
        progress("bare UPDATE: %,.0f/s, p99 %.1f ms", bare.perSecond(), bare.p99());
        return new SizeResult.Logins(first, sameDay, bare, database);
    }

    private List<String> loginIds() {
        List<Integer> outsideDrain =
                new ArrayList<>(IntStream.range(drain, size).boxed().toList());
        Collections.shuffle(outsideDrain, new Random(6));
        return outsideDrain.stream()
                .limit(settings.logins())
                .map(Population::individualId)
                .toList();
    }

    private void bareLoginUpdate(String individualId) {
        int updated =
                jdbc.update("UPDATE individual SET last_login_at = ? WHERE id = ?", utc(Instant.now()), individualId);
        if (updated != 1) {
            throw new IllegalStateException("No individual " + individualId);
        }
    }

    /**
     * The drain's accounts all become due at once when the engine clock jumps two days ahead; the job executor
     * sends the notices through the SMTP server. Then the clock jumps past the last deletion date and the executor
     * deletes them, each with its five dossiers, and sends the deletion mails. Each rate runs from the jump to the
     * moment the last one was done.
     */
    private SizeResult.Drain drainDueAccounts() throws Exception {
        JobExecutor executor = ((ProcessEngineConfigurationImpl)
                        app.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor();
        assertThat(executor.isActive()).as("job executor running").isTrue();
        smtp.purgeEmailFromAllMailboxes();
        DatabaseWork before = DatabaseWork.now(jdbc);

        long noticesStart = System.nanoTime();
        moveClockTo(population.drainNoticesDue(), executor);
        await("notices received", drain, () -> smtp.getReceivedMessages().length);
        // the SMTP server has a mail before the job that sent it commits its record
        await("notices recorded", drain, () -> count("SELECT COUNT(*) FROM sent_mail WHERE kind = 'NOTICE'"));
        double noticeSeconds = secondsSince(noticesStart);
        progress("notices: %,d in %.1f s", drain, noticeSeconds);

        await("deletion timers", drain, () -> deletionTimers().count());
        DatabaseWork notices = DatabaseWork.now(jdbc).since(before);
        Job lastDeletion =
                deletionTimers().orderByJobDuedate().desc().listPage(0, 1).get(0);
        Instant deletionsDue = lastDeletion.getDuedate().toInstant().plusSeconds(60);
        assertThat(deletionsDue).isBefore(population.firstNoticeOutsideDrain());
        smtp.purgeEmailFromAllMailboxes();

        long deletionsStart = System.nanoTime();
        moveClockTo(deletionsDue, executor);
        await("deletions in the registry", drain, () -> count("SELECT COUNT(*) FROM registry_entry"));
        double deletionSeconds = secondsSince(deletionsStart);
        progress("deletions: %,d in %.1f s", drain, deletionSeconds);
        await("deletion mails received", drain, () -> smtp.getReceivedMessages().length);
        await("deletion mails recorded", drain, () -> count("SELECT COUNT(*) FROM sent_mail WHERE kind = 'DELETION'"));
        double deletionMailSeconds = secondsSince(deletionsStart);
        progress("deletion mails: %,d after %.1f s", drain, deletionMailSeconds);

        checkDeletions();
        smtp.purgeEmailFromAllMailboxes();
        return new SizeResult.Drain(noticeSeconds, deletionSeconds, deletionMailSeconds, notices);
    }

    private void checkDeletions() {
        assertThat(count("SELECT COUNT(*) FROM individual WHERE deleted_at IS NOT NULL"))
                .as("individuals deleted")
                .isEqualTo(drain);
        assertThat(count("""
                        SELECT COUNT(*) FROM dossier d
                        JOIN individual i ON i.id IN (d.applicant_id, d.beneficiary_id)
                        WHERE i.deleted_at IS NOT NULL"""))
                .as("dossiers still pointing at a deleted individual")
                .isZero();
        assertThat(count("""
                        SELECT COUNT(*) FROM dossier d
                        JOIN individual i ON i.id = d.applicant_id
                        WHERE i.anonymous_key IS NOT NULL"""))
                .as("dossiers anonymised")
                .isEqualTo((long) drain * Population.DOSSIERS_PER_DRAINED_ACCOUNT);
        assertThat(count("""
                        SELECT COUNT(*) FROM membership m
                        JOIN individual i ON i.id = m.individual_id
                        WHERE i.deleted_at IS NOT NULL""")).as("memberships of deleted individuals").isZero();
        assertThat(noticeTimers().count()).as("countdowns left running").isEqualTo(size - drain);
    }

    /** The job executor waits up to a minute when it found nothing to do; a new job wakes it, and so does this. */
    private static void moveClockTo(Instant moment, JobExecutor executor) {
        ClockUtil.offset(moment.toEpochMilli() - System.currentTimeMillis());
        executor.jobWasAdded();
    }

    private void await(String what, long expected, LongSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long count;
        while ((count = done.getAsLong()) < expected) {
            if (System.nanoTime() - start > settings.timeout().toNanos()) {
                throw new AssertionError(
                        "Timed out after " + settings.timeout() + ": " + what + " " + count + " of " + expected);
            }
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                lastProgress = System.nanoTime();
                progress(
                        "  ... %s %,d of %,d, jobs failing: %d",
                        what,
                        count,
                        expected,
                        management.createJobQuery().withException().count());
            }
            Thread.sleep(POLL.toMillis());
        }
        assertThat(count).as(what).isEqualTo(expected);
    }

    private JobQuery noticeTimers() {
        return management
                .createJobQuery()
                .processDefinitionKey(KEY)
                .activityId(TIMER_NOTICE_DUE)
                .timers();
    }

    private JobQuery deletionTimers() {
        return management
                .createJobQuery()
                .processDefinitionKey(KEY)
                .activityId(TIMER_DELETION_DUE)
                .timers();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private int pageSize() {
        return app.getEnvironment().getProperty("account-lifecycle.lifecycle.page-size", Integer.class, 500);
    }

    /** The settings that decide the figures, read from the running application. */
    private List<String> configuration() {
        Environment env = app.getEnvironment();
        return List.of(
                "account-lifecycle.lifecycle.page-size=" + pageSize(),
                "account-lifecycle.lifecycle.enrolment-threads="
                        + env.getProperty("account-lifecycle.lifecycle.enrolment-threads", "2"),
                "spring.datasource.hikari.maximum-pool-size="
                        + env.getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
                "camunda.bpm.job-execution.core-pool-size="
                        + env.getProperty("camunda.bpm.job-execution.core-pool-size", "3"),
                "camunda.bpm.job-execution.max-pool-size="
                        + env.getProperty("camunda.bpm.job-execution.max-pool-size", "10"),
                "camunda.bpm.job-execution.max-jobs-per-acquisition="
                        + env.getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition", "3"),
                "camunda.bpm.history-level=" + env.getProperty("camunda.bpm.history-level", "full"));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private void progress(String format, Object... arguments) {
        System.out.printf("[benchmark %,d] %s%n", size, format.formatted(arguments));
    }
}
