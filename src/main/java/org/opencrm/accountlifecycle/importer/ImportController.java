package org.opencrm.accountlifecycle.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The import of {@link CsvImporter} over HTTP: one multipart request, one part per file, named after the file without
 * {@code .csv}. The parts are written to a temporary folder, imported from there with the same rules as the start-up
 * import, and deleted whatever the outcome.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    static final List<String> PARTS = List.of("individuals", "profiles", "memberships", "schemes", "dossiers");

    private final CsvImporter importer;

    ImportController(CsvImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport upload(MultipartHttpServletRequest request) throws IOException {
        checkEachPartOnce(request.getMultiFileMap());
        Map<String, MultipartFile> files = request.getFileMap();
        checkParts(files);
        Path folder = Files.createTempDirectory("account-lifecycle-import-");
        try {
            for (String part : PARTS) {
                files.get(part).transferTo(folder.resolve(part + ".csv"));
            }
            return importer.importFolder(folder);
        } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException raced) {
            // H2 stops waiting for the rows another import holds after its lock timeout, which Spring reports as a
            // query timeout; PostgreSQL waits for the other to end and then finds the ids taken
            throw new ConcurrentImportException(raced);
        } finally {
            delete(folder);
        }
    }

    /** A second file under one name would otherwise be dropped without a word. */
    private static void checkEachPartOnce(MultiValueMap<String, MultipartFile> files) {
        files.forEach((part, sent) -> {
            if (sent.size() > 1 && PARTS.contains(part)) {
                throw new UploadException(
                        part, "The part '" + part + "' is sent " + sent.size() + " times; send each file once");
            }
        });
    }

    private static void checkParts(Map<String, MultipartFile> files) {
        for (String part : files.keySet()) {
            if (!PARTS.contains(part)) {
                throw new UploadException(
                        part, "Unknown part '" + abbreviated(part) + "'; the parts are " + String.join(", ", PARTS));
            }
        }
        for (String part : PARTS) {
            if (!files.containsKey(part)) {
                throw new ImportException(part + ".csv", 0, "the part '" + part + "' is missing from the upload");
            }
        }
    }

    private static String abbreviated(String part) {
        return part.length() > 40 ? part.substring(0, 40) + "..." : part;
    }

    /** A folder left behind is logged rather than thrown: the answer is the import's, which is already decided. */
    private static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Uploaded import files not deleted folder={}", folder, e);
        }
    }
}
