package org.opencrm.accountlifecycle.importer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.opencrm.accountlifecycle.web.MailAddressValidator;

/**
 * One data line of an import file. Each accessor checks its field and throws an {@link ImportException} naming the
 * file, the line and the column. Only ids and codes, once checked against their pattern, are quoted back in a message:
 * any other field may be a name or a mail address.
 */
final class CsvLine {

    /** Ids become business keys and appear in logs: letters, digits and a few separators, at most 64. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** No account nor case file of a CRM is older. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final String file;
    private final long number;
    private final List<String> header;
    private final CSVRecord record;

    CsvLine(String file, long number, List<String> header, CSVRecord record) {
        this.file = file;
        this.number = number;
        this.header = header;
        this.record = record;
        if (record.stream().anyMatch(value -> value.indexOf(REPLACEMENT_CHARACTER) >= 0)) {
            throw error("the line holds bytes that are neither UTF-8 nor Windows-1252 text");
        }
    }

    long number() {
        return number;
    }

    String id(String column) {
        String value = required(column);
        if (!ID.matcher(value).matches()) {
            throw error(column + " is not an id (1 to 64 letters, digits, '.', '_', ':' or '-')");
        }
        return value;
    }

    /** An id, or null when the field is empty. */
    String optionalId(String column) {
        return value(column).isEmpty() ? null : id(column);
    }

    /** A code such as a profile type, or null when the field is empty. */
    String optionalCode(String column) {
        String value = value(column);
        if (value.isEmpty()) {
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            throw error(column + " is not a code (upper-case letters, digits and '_', at most 40)");
        }
        return value;
    }

    String text(String column, int maxLength) {
        String value = required(column);
        if (value.length() > maxLength) {
            throw error(column + " is longer than " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw error(column + " contains a control character");
        }
        return value;
    }

    String mail(String column) {
        String value = required(column);
        if (!MailAddressValidator.isValid(value)) {
            throw error(column + " is not a valid mail address");
        }
        return value;
    }

    Instant instant(String column) {
        String value = required(column);
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw error(column + " is not an ISO-8601 instant such as 2026-11-30T08:15:00Z");
        }
        // ISO-8601 reaches a billion years back, beyond what the database and the countdown's arithmetic hold
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw error(column + " lies outside the years 1900 to 9999");
        }
        return instant;
    }

    /** An instant, or null when the field is empty. */
    Instant optionalInstant(String column) {
        return value(column).isEmpty() ? null : instant(column);
    }

    ImportException error(String problem) {
        return new ImportException(file, number, problem);
    }

    private String required(String column) {
        String value = value(column);
        if (value.isEmpty()) {
            throw error(column + " is missing");
        }
        return value;
    }

    private String value(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + file);
        }
        return record.get(index);
    }
}
