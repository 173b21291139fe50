package org.opencrm.accountlifecycle.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring Data JDBC's fragment behind {@link EnrolmentRepository#insertAll}: one batch, one round trip per page. */
class EnrolmentBatchImpl implements EnrolmentBatch {

    private final JdbcTemplate jdbc;

    EnrolmentBatchImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<String> individualIds, List<String> processInstanceIds, Instant enrolledAt) {
        if (individualIds.size() != processInstanceIds.size()) {
            throw new IllegalArgumentException("one process instance per individual");
        }
        Timestamp at = Timestamp.from(enrolledAt);
        List<Object[]> rows = new ArrayList<>(individualIds.size());
        for (int i = 0; i < individualIds.size(); i++) {
            rows.add(new Object[] {individualIds.get(i), processInstanceIds.get(i), at});
        }
        jdbc.batchUpdate(
                "INSERT INTO lifecycle_enrolment (individual_id, process_instance_id, enrolled_at) VALUES (?, ?, ?)",
                rows);
    }
}
