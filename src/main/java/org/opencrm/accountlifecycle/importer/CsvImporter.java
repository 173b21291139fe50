package org.opencrm.accountlifecycle.importer;

import java.nio.file.Path;
import java.time.Clock;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an existing CRM population from a folder of five CSV files (SPEC section 6), so that an installation starts
 * with its accounts enrolled:
 *
 * <ul>
 *   <li>{@code individuals.csv}: {@code id,first_name,last_name,email,created_at,last_login_at}
 *   <li>{@code profiles.csv}: {@code id,type,name}
 *   <li>{@code memberships.csv}: {@code profile_id,individual_id}
 *   <li>{@code schemes.csv}: {@code id,name,profile_type}
 *   <li>{@code dossiers.csv}: {@code id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at}
 * </ul>
 *
 * <p>UTF-8, with or without a byte order mark, or Windows-1252; RFC 4180 quoting, with commas or semicolons as the
 * header line shows; the header exactly as above on the first line. Dates
 * are ISO-8601 instants ({@code 2026-11-30T08:15:00Z}). Only {@code last_login_at}, {@code schemes.profile_type} and
 * {@code dossiers.profile_id} may be empty. A file may refer to rows of the files before it in the list above and to
 * rows already in the database.
 *
 * <p>The import is all or nothing: the first malformed line (a bad date, a missing field, a wrong field count, an id
 * already taken, a reference to no row, an invalid mail address) raises an {@link ImportException} naming the file and
 * the line, and nothing of the import is kept. Files are streamed and written in batches, so memory does not grow with
 * their size.
 */
@Service
public class CsvImporter {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);

    private final IndividualsFile individuals;
    private final ProfilesFile profiles;
    private final MembershipsFile memberships;
    private final SchemesFile schemes;
    private final DossiersFile dossiers;
    private final LifecycleService lifecycle;

    CsvImporter(JdbcClient jdbc, JdbcTemplate batch, LifecycleService lifecycle, ProductMetrics metrics, Clock clock) {
        this.individuals = new IndividualsFile(jdbc, batch, metrics, clock);
        this.profiles = new ProfilesFile(jdbc, batch, metrics);
        this.memberships = new MembershipsFile(jdbc, batch, metrics);
        this.schemes = new SchemesFile(jdbc, batch, metrics);
        this.dossiers = new DossiersFile(jdbc, batch, metrics);
        this.lifecycle = lifecycle;
    }

    /** Imports the folder with its dates as they are. */
    @Transactional
    public ImportReport importFolder(Path folder) {
        return importFolder(folder, DateWarp.none());
    }

    /**
     * Imports the folder with its dates moved by {@code warp}, then starts the lifecycle of every active individual
     * that has none, in the same transaction, when the mechanism is enabled.
     *
     * @throws ImportException at the first malformed line; nothing of the import is kept
     */
    @Transactional
    public ImportReport importFolder(Path folder, DateWarp warp) {
        ImportReport report = new ImportReport(
                individuals.load(folder, warp),
                profiles.load(folder, warp),
                memberships.load(folder, warp),
                schemes.load(folder, warp),
                dossiers.load(folder, warp),
                lifecycle.enrolAllWithoutLifecycle());

        log.info(
                "CSV import done individuals={} profiles={} memberships={} schemes={} dossiers={} enrolled={}",
                report.individuals(),
                report.profiles(),
                report.memberships(),
                report.schemes(),
                report.dossiers(),
                report.enrolled());
        return report;
    }
}
