package org.opencrm.accountlifecycle.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #6: how fast the product enrols accounts, takes logins and works through due notices and deletions on
 * PostgreSQL, each beside a floor of plain JDBC, and how much heap the enrolment keeps. One population after the
 * other, each on a fresh database that is dropped afterwards; one table at the end, on standard output and in
 * {@code target/benchmark/results.md}.
 *
 * <p>Not part of {@code ./mvnw test}: surefire's default includes skip a class named {@code *Benchmark}; the Maven
 * profile {@code benchmark} runs this class only, in a JVM with a fixed heap (README, "Benchmark"). It prints figures
 * and never fails on them; it fails when the work was not done, a count short or wrong.
 */
class LifecycleBenchmark {

    @Test
    void shouldEnrolLogInAndDrainEveryPopulationOnPostgresql() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Files.createDirectories(settings.output());
        Machine machine = Machine.describe(settings);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        List<SizeResult> results = new ArrayList<>();

        long start = System.nanoTime();
        smtp.start();
        try {
            for (int size : settings.sizes()) {
                results.add(new SizeRun(settings, smtp, size).measure());
                // written after each population, so that a long run stopped half-way keeps what it measured
                Files.writeString(settings.output().resolve("results.md"), table(settings, results, machine, start));
            }
        } finally {
            smtp.stop();
        }

        System.out.println(table(settings, results, machine, start));
    }

    private static String table(BenchmarkSettings settings, List<SizeResult> results, Machine machine, long start) {
        return ResultsTable.render(settings, results, machine, Duration.ofNanos(System.nanoTime() - start));
    }
}
