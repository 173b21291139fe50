package org.opencrm.accountlifecycle.importer;

/**
 * A file of a CSV import is missing or holds a malformed line; the import keeps nothing. The message names the file
 * and the line, and at most ids: never a name or a mail address, which are personal data.
 */
public class ImportException extends RuntimeException {

    private final String file;
    private final long line;

    ImportException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    ImportException(String file, long line, String problem, Throwable cause) {
        super((line > 0 ? file + " line " + line : file) + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The name of the file at fault, such as {@code individuals.csv}. */
    public String file() {
        return file;
    }

    /** The line at fault, counted from 1 (the header); 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}
