package org.opencrm.accountlifecycle.importer;

import java.sql.Types;
import java.util.List;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code profiles.csv}: households, organisations, ...; the type is a code such as HOUSEHOLD. */
final class ProfilesFile extends TableLoader<ProfilesFile.Row> {

    static final String FILE = "profiles.csv";

    record Row(String id, String type, String name) {}

    ProfilesFile(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics) {
        super(jdbc, batch, metrics);
    }

    @Override
    String file() {
        return FILE;
    }

    @Override
    List<String> header() {
        return List.of("id", "type", "name");
    }

    @Override
    Row parse(CsvLine line, DateWarp warp) {
        String type = line.optionalCode("type");
        if (type == null) {
            throw line.error("type is missing");
        }
        return new Row(line.id("id"), type, line.text("name", 200));
    }

    @Override
    void check(List<Numbered<Row>> chunk) {
        requireUnique(chunk, Row::id, "profile");
    }

    @Override
    String insertSql() {
        return "INSERT INTO profile (id, profile_type, name) VALUES (?, ?, ?)";
    }

    @Override
    int[] sqlTypes() {
        return new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    }

    @Override
    Object[] parameters(Row row) {
        return new Object[] {row.id(), row.type(), row.name()};
    }
}
