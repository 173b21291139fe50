package org.opencrm.accountlifecycle.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param folder the folder of CSV files to import at start-up; no import when unset
 * @param samplesAsOf the date the sample files were written as of, a day ({@code 2026-12-01}, midnight UTC) or an
 *     instant; when set, their dates are moved so that this date becomes the start-up time, each of their days lasting
 *     {@code account-lifecycle.lifecycle.day-length}. Unset for real data.
 */
@ConfigurationProperties("account-lifecycle.import")
record ImportProperties(Path folder, String samplesAsOf) {

    ImportProperties {
        if (samplesAsOf != null && !samplesAsOf.isBlank()) {
            asInstant(samplesAsOf);
        }
    }

    Optional<Instant> samplesAsOfInstant() {
        return samplesAsOf == null || samplesAsOf.isBlank() ? Optional.empty() : Optional.of(asInstant(samplesAsOf));
    }

    private static Instant asInstant(String value) {
        try {
            return value.contains("T")
                    ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "account-lifecycle.import.samples-as-of must be a day such as 2026-12-01 or an instant such as "
                            + "2026-12-01T00:00:00Z",
                    e);
        }
    }
}
