package org.opencrm.accountlifecycle.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The registry seen through a {@link RegistryFilter}: counted, one page at a time, or streamed whole. */
@Component
class RegistryQueries {

    /** Rows fetched per round trip when streaming; PostgreSQL streams only inside a transaction. */
    private static final int FETCH_SIZE = 500;

    private static final String COLUMNS = """
            id, individual_id, deleted_at, method, deleted_by, reason,
            dossiers_anonymised, beneficiary_dossiers, profiles_detached""";

    private final NamedParameterJdbcTemplate jdbc;

    RegistryQueries(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    long count(RegistryFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = "SELECT COUNT(*) FROM registry_entry" + where(filter, parameters);
        return jdbc.queryForObject(sql, parameters, Long.class);
    }

    /** The latest deletions first. */
    List<RegistryEntry> page(RegistryFilter filter, int page, int size) {
        MapSqlParameterSource parameters =
                new MapSqlParameterSource().addValue("limit", size).addValue("offset", (long) page * size);
        String sql = """
                SELECT %s FROM registry_entry%s
                ORDER BY deleted_at DESC, id DESC
                LIMIT :limit OFFSET :offset""".formatted(COLUMNS, where(filter, parameters));
        return jdbc.query(sql, parameters, (row, number) -> entry(row));
    }

    /** Every matching entry in the order of deletion, one row at a time: memory stays flat however many match. */
    @Transactional(readOnly = true)
    void forEach(RegistryFilter filter, Consumer<RegistryEntry> action) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = """
                SELECT %s FROM registry_entry%s
                ORDER BY deleted_at, id""".formatted(COLUMNS, where(filter, parameters));
        jdbc.query(sql, parameters, row -> {
            action.accept(entry(row));
        });
    }

    /** Fixed conditions, values bound as parameters. */
    private static String where(RegistryFilter filter, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add("deleted_at >= :from");
            parameters.addValue("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("deleted_at < :to");
            parameters.addValue("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.method() != null) {
            conditions.add("method = :method");
            parameters.addValue("method", filter.method().name());
        }
        if (filter.agent() != null) {
            conditions.add("deleted_by = :agent");
            parameters.addValue("agent", filter.agent());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static RegistryEntry entry(ResultSet row) throws SQLException {
        return new RegistryEntry(
                row.getLong("id"),
                row.getString("individual_id"),
                row.getObject("deleted_at", OffsetDateTime.class).toInstant(),
                DeletionMethod.valueOf(row.getString("method")),
                row.getString("deleted_by"),
                row.getString("reason"),
                row.getInt("dossiers_anonymised"),
                row.getInt("beneficiary_dossiers"),
                row.getInt("profiles_detached"));
    }
}
