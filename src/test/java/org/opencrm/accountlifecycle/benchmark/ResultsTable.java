package org.opencrm.accountlifecycle.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The one table of a run: a row per figure, a column per population, the target of issue #6 last. */
final class ResultsTable {

    private final BenchmarkSettings settings;
    private final List<SizeResult> results;
    private final StringBuilder text = new StringBuilder();

    private ResultsTable(BenchmarkSettings settings, List<SizeResult> results) {
        this.settings = settings;
        this.results = results;
    }

    static String render(BenchmarkSettings settings, List<SizeResult> results, Machine machine, Duration took) {
        return new ResultsTable(settings, results).render(machine, took);
    }

    private String render(Machine machine, Duration took) {
        line("## Benchmark run of " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + minutes(took));
        line("");
        line("`" + command() + "`");
        line("");
        header();
        row(
                "**Enrolment**, `enrolAllWithoutLifecycle()`: accounts/s (time)",
                r -> rate(r.size(), r.enrolment().productSeconds()),
                ">= 2,000 at 1,000,000");
        row(
                "floor: plain JDBC batches of (id, due date), one commit per page: accounts/s (time)",
                r -> rate(r.size(), r.enrolment().floorSeconds()),
                "");
        row("product time / floor time", r -> "%.1f".formatted(r.enrolment().ratio()), "<= 10 at 1,000,000");
        row(
                "database rows written / transactions per account (the floor: 1 row, one transaction a page)",
                r -> r.enrolment().database().perUnit(r.size()),
                "");
        row(
                "peak heap used during enrolment, MB (sampled, garbage included)",
                r -> megabytes(r.enrolment().heap().used()),
                "");
        row(
                "peak heap alive during enrolment, after a full GC every 5 s, MB",
                r -> megabytes(r.enrolment().heap().alive()),
                "< 256, within 10 % from 10,000 to 1,000,000");
        row(
                "**Logins**, " + settings.clients() + " clients: events per measurement",
                r -> number(r.logins().firstOfTheDay().events()),
                "");
        row(
                "`recordLogin`, first login of the day: events/s",
                r -> perSecond(r.logins().firstOfTheDay()),
                ">= 1,000");
        row("latency p50 / p99 / max, ms", r -> latencies(r.logins().firstOfTheDay()), "p99 < 50");
        row(
                "database rows written / transactions per first login",
                r -> r.logins().database().perUnit(r.logins().firstOfTheDay().events()),
                "");
        row(
                "`recordLogin`, second login the same day: events/s",
                r -> perSecond(r.logins().sameDay()),
                "");
        row("latency p50 / p99 / max, ms", r -> latencies(r.logins().sameDay()), "");
        row(
                "floor: bare `UPDATE individual SET last_login_at`: events/s",
                r -> perSecond(r.logins().bareUpdate()),
                "");
        row("latency p50 / p99 / max, ms", r -> latencies(r.logins().bareUpdate()), "");
        row("**Drain**: accounts due at once, five dossiers each", r -> number(r.drain()), "");
        row(
                "notices/s, to the last one received by the SMTP server and recorded (time)",
                r -> rate(r.drain(), r.drained().noticeSeconds()),
                ">= 500");
        row(
                "database rows written / transactions per notice, to its deletion timer",
                r -> r.drained().notices().perUnit(r.drain()),
                "");
        row(
                "deletions/s, to the last registry entry (time)",
                r -> rate(r.drain(), r.drained().deletionSeconds()),
                "");
        row(
                "deletion mails: all received and recorded after, s",
                r -> "%.1f".formatted(r.drained().deletionMailSeconds()),
                "");
        row(
                "application start / population set-up (COPY), s",
                r -> "%.1f / %.1f".formatted(r.startupSeconds(), r.setupSeconds()),
                "");
        row(
                "machine load average (1 min) at start / end, "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                r -> "%.1f / %.1f".formatted(r.loadAtStart(), r.loadAtEnd()),
                "below the cores: a quiet machine");
        line("");
        line("Machine:");
        line("");
        machine.lines().forEach(machineLine -> line("- " + machineLine));
        line("");
        line("Application settings: `" + String.join("`, `", results.get(0).configuration()) + "`");
        return text.toString();
    }

    private void header() {
        StringBuilder columns = new StringBuilder("| accounts |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SizeResult result : results) {
            columns.append(' ').append(number(result.size())).append(" |");
            rule.append("--:|");
        }
        line(columns.append(" target |").toString());
        line(rule.append("---|").toString());
    }

    private void row(String label, Function<SizeResult, String> cell, String target) {
        StringBuilder row = new StringBuilder("| ").append(label).append(" |");
        for (SizeResult result : results) {
            row.append(' ').append(cell.apply(result)).append(" |");
        }
        line(row.append(' ').append(target).append(" |").toString());
    }

    private String command() {
        return "./mvnw -B -Pbenchmark test -Dbenchmark.sizes="
                + String.join(
                        ",", settings.sizes().stream().map(String::valueOf).toList())
                + " -Dbenchmark.drain=" + settings.drain() + " -Dbenchmark.clients=" + settings.clients()
                + " -Dbenchmark.logins=" + settings.logins();
    }

    private static String rate(long count, double seconds) {
        return "%s (%s)".formatted(number(Math.round(count / seconds)), duration(seconds));
    }

    private static String perSecond(Load.Result result) {
        return number(Math.round(result.perSecond()));
    }

    private static String latencies(Load.Result result) {
        return "%.1f / %.1f / %.0f".formatted(result.p50(), result.p99(), result.max());
    }

    private static String megabytes(long bytes) {
        return number(Math.round(bytes / 1_048_576.0));
    }

    private static String duration(double seconds) {
        return seconds < 10 ? "%.2f s".formatted(seconds) : "%.0f s".formatted(seconds);
    }

    private static String minutes(Duration took) {
        return "took %d min %d s".formatted(took.toMinutes(), took.toSecondsPart());
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private void line(String content) {
        text.append(content).append('\n');
    }
}
