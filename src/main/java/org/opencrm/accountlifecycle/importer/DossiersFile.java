package org.opencrm.accountlifecycle.importer;

import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code dossiers.csv}: the case files. The beneficiary may be the applicant. A dossier carries a profile exactly when
 * its scheme says so, and then one of the scheme's profile type: the deletion relies on that to put the right
 * Anonymous profile in its place.
 */
final class DossiersFile extends TableLoader<DossiersFile.Row> {

    static final String FILE = "dossiers.csv";

    record Row(
            String id,
            String schemeId,
            String applicantId,
            String beneficiaryId,
            String profileId,
            Instant createdAt,
            Instant updatedAt) {}

    DossiersFile(JdbcClient jdbc, JdbcTemplate batch, ProductMetrics metrics) {
        super(jdbc, batch, metrics);
    }

    @Override
    String file() {
        return FILE;
    }

    @Override
    List<String> header() {
        return List.of("id", "scheme_id", "applicant_id", "beneficiary_id", "profile_id", "created_at", "updated_at");
    }

    @Override
    Row parse(CsvLine line, DateWarp warp) {
        Instant createdAt = line.instant("created_at");
        Instant updatedAt = line.instant("updated_at");
        if (updatedAt.isBefore(createdAt)) {
            throw line.error("updated_at is before created_at");
        }
        return new Row(
                line.id("id"),
                line.id("scheme_id"),
                line.id("applicant_id"),
                line.id("beneficiary_id"),
                line.optionalId("profile_id"),
                warp.apply(createdAt),
                warp.apply(updatedAt));
    }

    @Override
    void check(List<Numbered<Row>> chunk) {
        requireUnique(chunk, Row::id, "dossier");
        requireActiveIndividual(chunk, Row::applicantId, "applicant_id");
        requireActiveIndividual(chunk, Row::beneficiaryId, "beneficiary_id");
        requireProfileAsSchemeSays(chunk);
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO dossier (id, scheme_id, applicant_id, beneficiary_id, profile_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """;
    }

    @Override
    int[] sqlTypes() {
        return new int[] {
            Types.VARCHAR,
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
            row.id(),
            row.schemeId(),
            row.applicantId(),
            row.beneficiaryId(),
            row.profileId(),
            utc(row.createdAt()),
            utc(row.updatedAt())
        };
    }

    private void requireProfileAsSchemeSays(List<Numbered<Row>> chunk) {
        Map<String, String> schemeProfileTypes = profileTypes("scheme", ids(chunk, Row::schemeId));
        Map<String, String> profileTypes = profileTypes("profile", ids(chunk, Row::profileId));
        for (Numbered<Row> line : chunk) {
            Row dossier = line.row();
            if (!schemeProfileTypes.containsKey(dossier.schemeId())) {
                throw error(line, "scheme_id '" + dossier.schemeId() + "' refers to no row of scheme");
            }
            if (dossier.profileId() != null && !profileTypes.containsKey(dossier.profileId())) {
                throw error(line, "profile_id '" + dossier.profileId() + "' refers to no row of profile");
            }
            String required = schemeProfileTypes.get(dossier.schemeId());
            String carried = dossier.profileId() == null ? null : profileTypes.get(dossier.profileId());
            if (!Objects.equals(required, carried)) {
                throw error(line, profileMismatch(dossier, required));
            }
        }
    }

    private static String profileMismatch(Row dossier, String required) {
        if (required == null) {
            return "scheme '" + dossier.schemeId() + "' carries no profile, so profile_id must be empty";
        }
        return "scheme '" + dossier.schemeId() + "' needs a profile of type " + required + " in profile_id";
    }

    /** The profile type of each row found, null for a scheme without profile. */
    private Map<String, String> profileTypes(String table, List<String> ids) {
        Map<String, String> types = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc().sql("SELECT id, profile_type FROM " + table + " WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query(rs -> {
                        types.put(rs.getString("id"), rs.getString("profile_type"));
                    });
        }
        return types;
    }
}
