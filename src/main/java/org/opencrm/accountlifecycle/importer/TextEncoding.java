package org.opencrm.accountlifecycle.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the encoding of an import file: UTF-8, or Windows-1252 when the file is not valid UTF-8.
 *
 * <p>Windows-1252 is accepted rather than refused because it is what a French spreadsheet writes when asked for
 * "CSV (separated by semicolons)": refusing it would send every administrator through a conversion step, and the
 * detection is safe. Accented Windows-1252 letters are single bytes of 0x80 and above followed by plain letters, which
 * is never valid UTF-8, while a UTF-8 file decoded as Windows-1252 would turn "Hélène" into "HÃ©lÃ¨ne". A file that
 * mixes both (valid UTF-8 sequences and invalid bytes) is refused at its first invalid line: no single decoding keeps
 * all its names.
 *
 * <p>The file is read once more for this, a byte at a time through a buffer, so memory stays flat.
 */
final class TextEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncoding() {}

    static Charset of(Path path, String file) throws IOException {
        try (InputStream bytes = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            Utf8Check check = new Utf8Check();
            int b;
            while ((b = bytes.read()) >= 0) {
                check.accept(b);
            }
            check.end();
            if (check.firstInvalidLine == 0) {
                return StandardCharsets.UTF_8;
            }
            if (check.sawMultibyte) {
                throw new ImportException(
                        file,
                        check.firstInvalidLine,
                        "the line is not valid UTF-8 while others are; save the whole file as UTF-8");
            }
            return WINDOWS_1252;
        }
    }

    /** A UTF-8 decoder that only validates (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
    private static final class Utf8Check {

        private long line = 1;
        private long firstInvalidLine;
        private boolean sawMultibyte;
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;

        void accept(int b) {
            if (pending > 0) {
                if (b >= low && b <= high) {
                    pending--;
                    low = 0x80;
                    high = 0xBF;
                    if (pending == 0) {
                        sawMultibyte = true;
                    }
                    return;
                }
                invalid();
            }
            if (b < 0x80) {
                if (b == '\n') {
                    line++;
                }
            } else if (b >= 0xC2 && b <= 0xDF) {
                expect(1, 0x80, 0xBF);
            } else if (b == 0xE0) {
                expect(2, 0xA0, 0xBF);
            } else if (b == 0xED) {
                expect(2, 0x80, 0x9F);
            } else if (b >= 0xE1 && b <= 0xEF) {
                expect(2, 0x80, 0xBF);
            } else if (b == 0xF0) {
                expect(3, 0x90, 0xBF);
            } else if (b >= 0xF1 && b <= 0xF3) {
                expect(3, 0x80, 0xBF);
            } else if (b == 0xF4) {
                expect(3, 0x80, 0x8F);
            } else {
                invalid();
            }
        }

        void end() {
            if (pending > 0) {
                invalid();
            }
        }

        private void expect(int continuations, int firstLow, int firstHigh) {
            pending = continuations;
            low = firstLow;
            high = firstHigh;
        }

        private void invalid() {
            pending = 0;
            low = 0x80;
            high = 0xBF;
            if (firstInvalidLine == 0) {
                firstInvalidLine = line;
            }
        }
    }
}
