package org.opencrm.accountlifecycle.importer;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code individuals.csv}: one line per person; {@code last_login_at} is empty for an account never used. */
final class IndividualsFile extends TableLoader<IndividualsFile.Row> {

    static final String FILE = "individuals.csv";

    record Row(String id, String firstName, String lastName, String email, Instant createdAt, Instant lastLoginAt) {}

    private final Clock clock;

    IndividualsFile(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics, Clock clock) {
        super(jdbc, batch, metrics);
        this.clock = clock;
    }

    @Override
    String file() {
        return FILE;
    }

    @Override
    List<String> header() {
        return List.of("id", "first_name", "last_name", "email", "created_at", "last_login_at");
    }

    @Override
    Row parse(CsvLine line, DateWarp warp) {
        Instant lastLogin = line.optionalInstant("last_login_at");
        Row row = new Row(
                line.id("id"),
                line.text("first_name", 200),
                line.text("last_name", 200),
                line.mail("email"),
                warp.apply(line.instant("created_at")),
                lastLogin == null ? null : warp.apply(lastLogin));
        // a date to come would keep the person out of every countdown for as long
        Instant now = clock.instant();
        if (row.createdAt().isAfter(now)) {
            throw line.error("created_at lies in the future");
        }
        if (row.lastLoginAt() != null && row.lastLoginAt().isAfter(now)) {
            throw line.error("last_login_at lies in the future");
        }
        if (row.lastLoginAt() != null && row.lastLoginAt().isBefore(row.createdAt())) {
            throw line.error("last_login_at lies before created_at: nobody logs in to an account not yet created");
        }
        return row;
    }

    @Override
    void check(List<Numbered<Row>> chunk) {
        requireUnique(chunk, Row::id, "individual");
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO individual (id, first_name, last_name, email, created_at, last_login_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """;
    }

    @Override
    int[] sqlTypes() {
        return new int[] {
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE
        };
    }

    @Override
    Object[] parameters(Row row) {
        return new Object[] {
            row.id(), row.firstName(), row.lastName(), row.email(), utc(row.createdAt()), utc(row.lastLoginAt())
        };
    }
}
