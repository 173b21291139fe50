package org.opencrm.accountlifecycle.importer;

import java.sql.Types;
import java.util.List;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code schemes.csv}: the public programmes; {@code profile_type} is the type of profile their dossiers carry, empty
 * when they carry none.
 */
final class SchemesFile extends TableLoader<SchemesFile.Row> {

    static final String FILE = "schemes.csv";

    record Row(String id, String name, String profileType) {}

    SchemesFile(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics) {
        super(jdbc, batch, metrics);
    }

    @Override
    String file() {
        return FILE;
    }

    @Override
    List<String> header() {
        return List.of("id", "name", "profile_type");
    }

    @Override
    Row parse(CsvLine line, DateWarp warp) {
        return new Row(line.id("id"), line.text("name", 200), line.optionalCode("profile_type"));
    }

    @Override
    void check(List<Numbered<Row>> chunk) {
        requireUnique(chunk, Row::id, "scheme");
    }

    @Override
    String insertSql() {
        return "INSERT INTO scheme (id, name, profile_type) VALUES (?, ?, ?)";
    }

    @Override
    int[] sqlTypes() {
        return new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    }

    @Override
    Object[] parameters(Row row) {
        return new Object[] {row.id(), row.name(), row.profileType()};
    }
}
