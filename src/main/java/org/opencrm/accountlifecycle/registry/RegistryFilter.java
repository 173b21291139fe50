package org.opencrm.accountlifecycle.registry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which registry entries a list or an export shows; every part is optional.
 *
 * @param from entries deleted at or after this instant
 * @param to entries deleted before this instant
 * @param agent entries made by this user ({@code system} for the automatic ones)
 */
record RegistryFilter(Instant from, Instant to, DeletionMethod method, String agent) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Reads the query parameters. A date ({@code 2027-01-31}) stands for the whole day in UTC: {@code from} starts
     * with it, {@code to} includes it. An instant ({@code 2027-01-31T09:00:00Z}, or with an offset) is exact, and
     * {@code to} excludes it.
     *
     * @throws InvalidFilterException naming the parameter at fault
     */
    static RegistryFilter of(String from, String to, DeletionMethod method, String agent) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidFilterException("to", "to: must be after from");
        }
        return new RegistryFilter(start, end, method, agent == null || agent.isBlank() ? null : agent.strip());
    }

    private static Instant instant(String parameter, String value, boolean dayIncluded) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.contains("T")
                    ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.parse(value)
                            .plusDays(dayIncluded ? 1 : 0)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
        } catch (DateTimeException notIso) {
            throw new InvalidFilterException(
                    parameter,
                    parameter + ": the value '" + value
                            + "' must be an ISO date (2027-01-31) or instant (2027-01-31T09:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidFilterException(parameter, parameter + ": must lie between the years 1 and 9999");
        }
        return instant;
    }
}
