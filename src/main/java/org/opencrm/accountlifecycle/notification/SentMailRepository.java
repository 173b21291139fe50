package org.opencrm.accountlifecycle.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code sent_mail}: which mail of which countdown went out, and when. */
@Repository
class SentMailRepository {

    enum Kind {
        NOTICE,
        DELETION
    }

    private final JdbcClient jdbc;

    SentMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> sentAt(String individualId, Kind kind, String cycle) {
        return jdbc.sql("""
                        SELECT sent_at FROM sent_mail
                        WHERE individual_id = ? AND kind = ? AND cycle = ?
                        """)
                .params(individualId, kind.name(), cycle)
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** Fails on a second row for the same mail: the primary key stops two jobs racing to send it. */
    void insert(String individualId, Kind kind, String cycle, Instant sentAt) {
        jdbc.sql("INSERT INTO sent_mail (individual_id, kind, cycle, sent_at) VALUES (?, ?, ?, ?)")
                .params(individualId, kind.name(), cycle, sentAt.atOffset(ZoneOffset.UTC))
                .update();
    }
}
