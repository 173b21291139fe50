package org.opencrm.accountlifecycle.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one file of an import a line at a time: UTF-8 with or without a byte order mark, or Windows-1252 (see
 * {@link TextEncoding}); RFC 4180 quoting with commas, or semicolons when the header line is separated by semicolons;
 * and the expected header, exactly, on the first line. Blank lines are skipped; every other line must have as many
 * fields as the header. Errors name the file and the line of the record (its first line when a quoted field spans
 * several).
 */
final class CsvReader implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    // blank lines are kept so that the parser's line count stays the file's, and skipped below
    private static final int HEADER_PEEK_LIMIT = 4096;
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String file;
    private final List<String> header;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastLineRead;

    private CsvReader(String file, List<String> header, CSVParser parser) {
        this.file = file;
        this.header = header;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** Opens {@code file} in {@code folder} and checks its header. */
    static CsvReader open(Path folder, String file, List<String> header) {
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new ImportException(file, 0, "the file is missing from the import folder");
        }
        BufferedReader text;
        try {
            text = new BufferedReader(new InputStreamReader(Files.newInputStream(path), TextEncoding.of(path, file)));
        } catch (IOException e) {
            throw new ImportException(file, 0, "the file cannot be read", e);
        }
        try {
            skipByteOrderMark(text);
            CSVFormat format = FORMAT.builder().setDelimiter(delimiter(text)).get();
            CsvReader reader = new CsvReader(file, header, format.parse(text));
            reader.checkHeader();
            return reader;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(text, e);
            throw e instanceof RuntimeException failure
                    ? failure
                    : new ImportException(file, 0, "the file cannot be read", e);
        }
    }

    /** The next data line, or null at the end of the file. */
    CsvLine nextLine() {
        CSVRecord record;
        long line;
        do {
            line = lastLineRead + 1;
            record = nextRecord(line);
            if (record == null) {
                return null;
            }
        } while (isBlank(record));
        if (record.size() != header.size()) {
            throw new ImportException(file, line, record.size() + " fields where the header has " + header.size());
        }
        return new CsvLine(file, line, header, record);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkHeader() {
        CSVRecord first = nextRecord(1);
        if (first == null || isBlank(first)) {
            throw new ImportException(file, 1, "the header is missing; it must be " + String.join(",", header));
        }
        // the wrong header is not quoted back: it may be a line of data, names and all
        if (!first.toList().equals(header)) {
            throw new ImportException(file, 1, "the header must be exactly " + String.join(",", header));
        }
    }

    private CSVRecord nextRecord(long line) {
        try {
            CSVRecord record = records.hasNext() ? records.next() : null;
            lastLineRead = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            throw new ImportException(
                    file, line, "not well-formed CSV (a quote is not closed, or text follows a closing quote)", e);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /**
     * A semicolon when the header line holds semicolons and no comma: a French spreadsheet separates with semicolons,
     * since the comma is its decimal mark. The header names hold neither, so the header line tells which one it is.
     */
    private static char delimiter(BufferedReader text) throws IOException {
        text.mark(HEADER_PEEK_LIMIT);
        boolean semicolon = false;
        boolean comma = false;
        int c;
        for (int read = 0; read < HEADER_PEEK_LIMIT && (c = text.read()) >= 0 && c != '\n' && c != '\r'; read++) {
            semicolon |= c == ';';
            comma |= c == ',';
        }
        text.reset();
        return semicolon && !comma ? ';' : ',';
    }

    private static void skipByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != BYTE_ORDER_MARK) {
            text.reset();
        }
    }

    private static void closeAfterFailure(BufferedReader text, Exception failure) {
        try {
            text.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
