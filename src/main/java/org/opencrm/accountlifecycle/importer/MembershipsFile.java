package org.opencrm.accountlifecycle.importer;

import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code memberships.csv}: which individual is a member of which profile; a person may be in several. */
final class MembershipsFile extends TableLoader<MembershipsFile.Row> {

    static final String FILE = "memberships.csv";

    record Row(String profileId, String individualId) {}

    MembershipsFile(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics) {
        super(jdbc, batch, metrics);
    }

    @Override
    String file() {
        return FILE;
    }

    @Override
    List<String> header() {
        return List.of("profile_id", "individual_id");
    }

    @Override
    Row parse(CsvLine line, DateWarp warp) {
        return new Row(line.id("profile_id"), line.id("individual_id"));
    }

    @Override
    void check(List<Numbered<Row>> chunk) {
        requireExisting(chunk, Row::profileId, "profile_id", "profile");
        requireActiveIndividual(chunk, Row::individualId, "individual_id");
        requireNewMembership(chunk);
    }

    @Override
    String insertSql() {
        return "INSERT INTO membership (profile_id, individual_id) VALUES (?, ?)";
    }

    @Override
    int[] sqlTypes() {
        return new int[] {Types.VARCHAR, Types.VARCHAR};
    }

    @Override
    Object[] parameters(Row row) {
        return new Object[] {row.profileId(), row.individualId()};
    }

    private void requireNewMembership(List<Numbered<Row>> chunk) {
        Set<Row> taken = new HashSet<>(jdbc().sql("""
                        SELECT profile_id, individual_id FROM membership WHERE individual_id IN (:ids)
                        """)
                .param("ids", ids(chunk, Row::individualId))
                .query((rs, rowNum) -> new Row(rs.getString("profile_id"), rs.getString("individual_id")))
                .list());
        Set<Row> seen = new HashSet<>();
        for (Numbered<Row> line : chunk) {
            if (taken.contains(line.row()) || !seen.add(line.row())) {
                throw error(
                        line,
                        "duplicate membership of individual '" + line.row().individualId() + "' in profile '"
                                + line.row().profileId() + "'");
            }
        }
    }
}
