package org.opencrm.accountlifecycle.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five files of an import, written into a folder: a small valid population (three individuals, two profiles, two
 * schemes, two dossiers) in which a test replaces the file it is about.
 */
final class CsvFolder {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private CsvFolder() {
        with(
                "individuals.csv",
                "id,first_name,last_name,email,created_at,last_login_at",
                "ind-1,Hélène,Le Guévellec,h.leguevellec@example.org,2024-03-01T00:00:00Z,2026-11-21T00:00:00Z",
                "ind-2,Jean-Baptiste,O'Connor,jb.oconnor@example.org,2025-06-15T14:30:00Z,",
                "ind-3,Zoé,\"Martin, épouse N'Diaye\",zoe.martin@example.org,2023-12-01T08:00:00Z,"
                        + "2026-10-01T10:00:00Z");
        with(
                "profiles.csv",
                "id,type,name",
                "hh-1,HOUSEHOLD,Foyer Le Guévellec",
                "org-1,ORGANISATION,Association des amis de l'orgue");
        with("memberships.csv", "profile_id,individual_id", "hh-1,ind-1", "hh-1,ind-3", "org-1,ind-1");
        with(
                "schemes.csv",
                "id,name,profile_type",
                "sch-logement,Aide au logement,HOUSEHOLD",
                "sch-transport,Transport scolaire,");
        with(
                "dossiers.csv",
                "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                "dos-1,sch-logement,ind-1,ind-1,hh-1,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z",
                "dos-2,sch-transport,ind-3,ind-2,,2026-09-01T08:00:00Z,2026-09-01T08:00:00Z");
    }

    static CsvFolder valid() {
        return new CsvFolder();
    }

    /** Replaces {@code file} with these lines, each ended by a line feed. */
    CsvFolder with(String file, String... lines) {
        String text = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return withBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    CsvFolder withBytes(String file, byte[] content) {
        files.put(file, content);
        return this;
    }

    CsvFolder without(String file) {
        files.remove(file);
        return this;
    }

    /** The files by name, in the order of an import. */
    Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    Path writeTo(Path folder) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
