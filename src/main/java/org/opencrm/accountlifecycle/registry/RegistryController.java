package org.opencrm.accountlifecycle.registry;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencrm.accountlifecycle.web.Paged;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of deletions, filtered by period ({@code from}, {@code to}: ISO dates or instants, on the deletion
 * time), {@code method} and {@code agent}: as pages of JSON, or as one CSV export.
 */
@RestController
@RequestMapping("/api")
class RegistryController {

    /** The export holds ids, counts and dates only: no names, no mail addresses, no free-text reason. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader(
                    "id",
                    "individual_id",
                    "deleted_at",
                    "method",
                    "deleted_by",
                    "dossiers_anonymised",
                    "beneficiary_dossiers",
                    "profiles_detached")
            .get();

    private final RegistryQueries registry;

    RegistryController(RegistryQueries registry) {
        this.registry = registry;
    }

    /** The latest deletions first. */
    @GetMapping("/registry")
    Paged<RegistryEntry> list(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) DeletionMethod method,
            @RequestParam(required = false) @Size(max = 100) String agent,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        RegistryFilter filter = RegistryFilter.of(from, to, method, agent);

        return new Paged<>(registry.count(filter), page, size, registry.page(filter, page, size));
    }

    /** The matching deletions in the order they happened, streamed row by row. */
    @GetMapping("/registry.csv")
    void export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) DeletionMethod method,
            @RequestParam(required = false) @Size(max = 100) String agent,
            HttpServletResponse response)
            throws IOException {
        // read before the first byte is written, so that a bad filter still gets its problem detail
        RegistryFilter filter = RegistryFilter.of(from, to, method, agent);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry.csv\"");

        CSVPrinter csv = CSV.print(response.getWriter());
        registry.forEach(filter, entry -> print(csv, entry));
        csv.flush();
    }

    private static void print(CSVPrinter csv, RegistryEntry entry) {
        try {
            csv.printRecord(
                    entry.id(),
                    entry.individualId(),
                    entry.deletedAt(),
                    entry.method(),
                    entry.deletedBy(),
                    entry.dossiersAnonymised(),
                    entry.beneficiaryDossiers(),
                    entry.profilesDetached());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the registry export", e);
        }
    }
}
