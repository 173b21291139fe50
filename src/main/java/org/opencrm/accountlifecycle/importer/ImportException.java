package org.opencrm.accountlifecycle.importer;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A file of a CSV import is missing or holds a malformed line; the import keeps nothing. The message names the file
 * and the line, and at most ids: never a name or a mail address, which are personal data. Answered through the API as
 * a 400 problem detail whose {@code field} is the upload's part, with {@code file} and {@code line} properties.
 */
public class ImportException extends ApiProblem {

    private static final String EXTENSION = ".csv";

    private final String file;
    private final long line;

    ImportException(String file, long line, String problem) {
        this(file, line, problem, null);
    }

    ImportException(String file, long line, String problem, Throwable cause) {
        super(
                HttpStatus.BAD_REQUEST,
                file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file,
                (line > 0 ? file + " line " + line : file) + ": " + problem,
                cause);
        this.file = file;
        this.line = line;
        getBody().setProperty("file", file);
        getBody().setProperty("line", line);
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
