package org.opencrm.accountlifecycle.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The CRM rows of one run, written with PostgreSQL's COPY in slices so that a million rows never sit in memory. This
 * is set-up, not measured.
 *
 * <p>Individuals {@code 0 .. drain-1} are the drain: their last login lies 29 days back, so with a notice delay of 30
 * days they are all due one day from now, and each has a household and five dossiers. Everyone else logged in between
 * 20 days and one day ago: their notices fall 10 to 29 days from now, after every date the drain moves the clock to.
 */
final class Population {

    static final Duration NOTICE_DELAY = Duration.ofDays(30);
    static final Duration DELETION_DELAY = Duration.ofDays(35);
    static final int DOSSIERS_PER_DRAINED_ACCOUNT = 5;

    private static final int ROWS_PER_COPY = 50_000;
    private static final String TRANSPORT_SCHEME = "bench-transport";
    private static final String HOUSING_SCHEME = "bench-housing";
    private static final String HOUSEHOLD = "HOUSEHOLD";

    private final DataSource dataSource;
    private final Instant now;
    private final int size;
    private final int drain;

    Population(DataSource dataSource, Instant now, int size, int drain) {
        this.dataSource = dataSource;
        this.now = now;
        this.size = size;
        this.drain = drain;
    }

    static String individualId(int index) {
        return "b%07d".formatted(index);
    }

    Instant lastLoginOf(int index) {
        if (index < drain) {
            return now.minus(Duration.ofDays(29));
        }
        return now.minus(Duration.ofDays(1 + index % 19)).minusSeconds(index % 86_400);
    }

    /**
     * When every notice of the drain is due: inactivity counts from the end of the day of the last login, 29 days ago,
     * so the notices fall due at the second midnight from now (of the application's zone); an hour more covers a
     * change of summer time.
     */
    Instant drainNoticesDue() {
        return now.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
    }

    /** No notice outside the drain falls before this: the drain may move the clock up to it, no further. */
    Instant firstNoticeOutsideDrain() {
        return now.plus(Duration.ofDays(10));
    }

    void write() throws SQLException, IOException {
        Instant createdAt = now.minus(Duration.ofDays(400));
        copy(
                "individual (id, first_name, last_name, email, created_at, last_login_at)",
                size,
                i -> String.join(
                        ",",
                        individualId(i),
                        "Bench",
                        "Person",
                        individualId(i) + "@citizen.example.org",
                        createdAt.toString(),
                        lastLoginOf(i).toString()));
        copy(
                "scheme (id, name, profile_type)",
                2,
                i -> i == 0 ? TRANSPORT_SCHEME + ",Transport," : HOUSING_SCHEME + ",Housing," + HOUSEHOLD);
        copy("profile (id, profile_type, name)", drain, i -> profileId(i) + "," + HOUSEHOLD + ",Household");
        copy("membership (profile_id, individual_id)", drain, i -> profileId(i) + "," + individualId(i));
        copy(
                "dossier (id, scheme_id, applicant_id, beneficiary_id, profile_id, created_at, updated_at)",
                drain * DOSSIERS_PER_DRAINED_ACCOUNT,
                this::dossierRow);
    }

    /** Three dossiers of a scheme without profile, two of a scheme whose dossiers carry the household. */
    private String dossierRow(int row) {
        int individual = row / DOSSIERS_PER_DRAINED_ACCOUNT;
        int number = row % DOSSIERS_PER_DRAINED_ACCOUNT;
        boolean housing = number >= 3;
        String at = createdAt(individual);
        return String.join(
                ",",
                "d%07d-%d".formatted(individual, number),
                housing ? HOUSING_SCHEME : TRANSPORT_SCHEME,
                individualId(individual),
                individualId(individual),
                housing ? profileId(individual) : "",
                at,
                at);
    }

    private String createdAt(int individual) {
        return lastLoginOf(individual).minus(Duration.ofDays(100)).toString();
    }

    private static String profileId(int index) {
        return "p%07d".formatted(index);
    }

    private void copy(String table, int rows, IntFunction<String> row) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int first = 0; first < rows; first += ROWS_PER_COPY) {
                StringBuilder slice = new StringBuilder();
                for (int i = first; i < Math.min(rows, first + ROWS_PER_COPY); i++) {
                    slice.append(row.apply(i)).append('\n');
                }
                copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(slice.toString()));
            }
        }
    }
}
