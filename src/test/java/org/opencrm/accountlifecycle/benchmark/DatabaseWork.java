package org.opencrm.accountlifecycle.benchmark;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database did during one phase, from PostgreSQL's cumulative statistics: transactions committed (read-only
 * ones included, such as a job acquisition that found nothing) and rows inserted, updated or deleted in every table.
 * Divided by the phase's accounts, it says where a rate's time goes.
 */
record DatabaseWork(long commits, long rowsWritten) {

    /** An idle backend hands its counts to the statistics within 10 s (PostgreSQL 15); waiting is not measured. */
    private static final Duration SETTLE = Duration.ofSeconds(11);

    private static final String TOTALS = """
            SELECT d.xact_commit,
                   (SELECT COALESCE(SUM(t.n_tup_ins + t.n_tup_upd + t.n_tup_del), 0) FROM pg_stat_user_tables t)
            FROM pg_stat_database d WHERE d.datname = current_database()""";

    static DatabaseWork now(JdbcTemplate jdbc) throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        return jdbc.queryForObject(TOTALS, (row, number) -> new DatabaseWork(row.getLong(1), row.getLong(2)));
    }

    DatabaseWork since(DatabaseWork before) {
        return new DatabaseWork(commits - before.commits, rowsWritten - before.rowsWritten);
    }

    /** Rows written and transactions per unit of work, as {@code 12.0 / 0.1}. */
    String perUnit(long units) {
        return "%.1f / %.2f".formatted((double) rowsWritten / units, (double) commits / units);
    }
}
