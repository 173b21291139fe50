package org.opencrm.accountlifecycle.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads one file of an import into its table a chunk at a time, so that memory stays flat whatever the size of the
 * file: each line is parsed and checked on its own, then the chunk is checked against the rows already written (ids
 * taken, rows referred to) and inserted in one batch. Earlier chunks are visible to those checks because the whole
 * import runs in one transaction.
 *
 * @param <R> one parsed line, ready to insert
 */
abstract class TableLoader<R> {

    static final int CHUNK_SIZE = 1000;

    /** A long import says where it is every so many rows (a multiple of the chunk size). */
    private static final int PROGRESS_EVERY = 50 * CHUNK_SIZE;

    private static final Logger log = LoggerFactory.getLogger(TableLoader.class);

    /** One parsed line and where it came from, for the errors the chunk checks raise. */
    record Numbered<R>(long line, R row) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ProductMetrics metrics;

    TableLoader(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.metrics = metrics;
    }

    abstract String file();

    abstract List<String> header();

    /** Checks the fields of one line and warps its dates. */
    abstract R parse(CsvLine line, DateWarp warp);

    /** Checks a chunk against the rows already written: duplicates and references. */
    abstract void check(List<Numbered<R>> chunk);

    abstract String insertSql();

    /** The SQL type of each parameter of {@link #insertSql()}, so that nulls need no guessing by the driver. */
    abstract int[] sqlTypes();

    abstract Object[] parameters(R row);

    /** @return how many rows were inserted, one per data line */
    final int load(Path folder, DateWarp warp) {
        int loaded = 0;
        try (CsvReader csv = CsvReader.open(folder, file(), header())) {
            List<Numbered<R>> chunk = new ArrayList<>(CHUNK_SIZE);
            CsvLine line;
            while ((line = csv.nextLine()) != null) {
                chunk.add(new Numbered<>(line.number(), parse(line, warp)));
                if (chunk.size() == CHUNK_SIZE) {
                    loaded += write(chunk);
                    if (loaded % PROGRESS_EVERY == 0) {
                        log.info("Import progress file={} rows={}", file(), loaded);
                    }
                }
            }
            loaded += write(chunk);
        }
        return loaded;
    }

    /** Refuses an id already taken, by an earlier line of the import or by a row that was there before. */
    final void requireUnique(List<Numbered<R>> chunk, Function<R, String> id, String table) {
        Set<String> taken = existing(table, ids(chunk, id));
        Set<String> seen = new HashSet<>();
        for (Numbered<R> line : chunk) {
            String value = id.apply(line.row());
            if (taken.contains(value) || !seen.add(value)) {
                throw error(line, "duplicate id '" + value + "'");
            }
        }
    }

    /** Refuses a reference to no row of {@code table}; a null reference is no reference. */
    final void requireExisting(List<Numbered<R>> chunk, Function<R, String> reference, String column, String table) {
        Set<String> found = existing(table, ids(chunk, reference));
        for (Numbered<R> line : chunk) {
            String value = reference.apply(line.row());
            if (value != null && !found.contains(value)) {
                throw error(line, column + " '" + value + "' refers to no row of " + table);
            }
        }
    }

    /**
     * Refuses a reference to an individual that does not exist, is deleted or is the Anonymous individual: nothing may
     * point at a deleted person, and the Anonymous individual only replaces people who are gone.
     */
    final void requireActiveIndividual(List<Numbered<R>> chunk, Function<R, String> reference, String column) {
        Set<String> active = found("""
                SELECT id FROM individual
                WHERE id IN (:ids) AND deleted_at IS NULL AND anonymous_key IS NULL
                """, ids(chunk, reference));
        for (Numbered<R> line : chunk) {
            String value = reference.apply(line.row());
            if (!active.contains(value)) {
                throw error(line, column + " '" + value + "' refers to no active individual");
            }
        }
    }

    final JdbcClient jdbc() {
        return jdbc;
    }

    final ImportException error(Numbered<R> line, String problem) {
        return new ImportException(file(), line.line(), problem);
    }

    /** The ids referred to in a chunk, without nulls or repeats, for one IN list. */
    final List<String> ids(List<Numbered<R>> chunk, Function<R, String> id) {
        return chunk.stream()
                .map(line -> id.apply(line.row()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private Set<String> existing(String table, Collection<String> ids) {
        return found("SELECT id FROM " + table + " WHERE id IN (:ids)", ids);
    }

    private Set<String> found(String sql, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(sql).param("ids", ids).query(String.class).list());
    }

    private int write(List<Numbered<R>> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        check(chunk);
        List<Object[]> rows = chunk.stream().map(line -> parameters(line.row())).toList();
        batch.batchUpdate(insertSql(), rows, sqlTypes());
        int written = chunk.size();
        chunk.clear();
        metrics.imported(file(), written);
        return written;
    }
}
