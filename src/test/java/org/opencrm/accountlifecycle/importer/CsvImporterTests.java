package org.opencrm.accountlifecycle.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The CSV import: the sample population, then one test per kind of malformed input, each of which keeps nothing. */
@AccountLifecycleTest
class CsvImporterTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant SAMPLES_AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final Path SAMPLES = Path.of("samples");

    @TempDir
    Path folder;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    CsvImporter importer;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() {
        time.start(SAMPLES_AS_OF);
        data.reset();
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldWriteEveryLineAndStartOneLifecyclePerIndividualWhenTheSamplesAreImported() throws IOException {
        ImportReport report = importer.importFolder(SAMPLES);

        assertThat(report)
                .isEqualTo(new ImportReport(
                        dataLines("individuals.csv"),
                        dataLines("profiles.csv"),
                        dataLines("memberships.csv"),
                        dataLines("schemes.csv"),
                        dataLines("dossiers.csv"),
                        2000));
        assertThat(rowCount("individual")).isEqualTo(report.individuals());
        assertThat(rowCount("profile")).isEqualTo(report.profiles());
        assertThat(rowCount("membership")).isEqualTo(report.memberships());
        assertThat(rowCount("scheme")).isEqualTo(report.schemes());
        assertThat(rowCount("dossier")).isEqualTo(report.dossiers());
        List<String> businessKeys = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .map(ProcessInstance::getBusinessKey)
                .toList();
        List<String> activeIds = jdbc.sql(
                        "SELECT id FROM individual WHERE deleted_at IS NULL AND anonymous_key IS NULL")
                .query(String.class)
                .list();
        assertThat(activeIds).hasSize(2000);
        assertThat(businessKeys).hasSize(2000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(activeIds);
    }

    @Test
    void shouldImportRowsButEnrolNobodyWhenTheMechanismIsDisabled() {
        jdbc.sql("UPDATE lifecycle_settings SET enabled = FALSE").update();

        ImportReport report = importer.importFolder(CsvFolder.valid().writeTo(folder));

        assertThat(report).isEqualTo(new ImportReport(3, 2, 3, 2, 2, 0));
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
    }

    @Test
    void shouldKeepNamesExactlyWhenTheyHaveAccentsApostrophesAndCommas() {
        importer.importFolder(CsvFolder.valid().writeTo(folder));

        assertThat(individuals.findById("ind-1")).get().satisfies(individual -> {
            assertThat(individual.firstName()).isEqualTo("Hélène");
            assertThat(individual.lastName()).isEqualTo("Le Guévellec");
        });
        assertThat(individuals.findById("ind-2")).get().satisfies(individual -> {
            assertThat(individual.firstName()).isEqualTo("Jean-Baptiste");
            assertThat(individual.lastName()).isEqualTo("O'Connor");
            assertThat(individual.lastLoginAt()).isNull();
        });
        assertThat(individuals.findById("ind-3").map(Individual::lastName)).hasValue("Martin, épouse N'Diaye");
        assertThat(jdbc.sql("SELECT name FROM profile WHERE id = 'org-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("Association des amis de l'orgue");
    }

    @Test
    void shouldAcceptTheFileWhenItStartsWithAUtf8ByteOrderMark() {
        byte[] withBom = ("\uFEFF" + """
                id,first_name,last_name,email,created_at,last_login_at
                ind-1,Éloïse,D'Almeida,eloise@example.org,2024-03-01T00:00:00Z,2026-11-30T08:15:00Z
                """).getBytes(StandardCharsets.UTF_8);
        CsvFolder files = CsvFolder.valid()
                .withBytes("individuals.csv", withBom)
                .with("memberships.csv", "profile_id,individual_id")
                .with("dossiers.csv", "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at");

        ImportReport report = importer.importFolder(files.writeTo(folder));

        assertThat(report.individuals()).isEqualTo(1);
        assertThat(individuals.findById("ind-1")).get().satisfies(individual -> {
            assertThat(individual.firstName()).isEqualTo("Éloïse");
            assertThat(individual.lastName()).isEqualTo("D'Almeida");
            assertThat(individual.lastLoginAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z"})
    void shouldRefuseTheImportWhenADateLiesBeforeTheYear1900(String createdAt) {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id,first_name,last_name,email,created_at,last_login_at",
                        "ind-1,Jeanne,Martin,jeanne@example.org,2024-03-01T00:00:00Z,",
                        "ind-2,Paul,Durand,paul@example.org," + createdAt + ",");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 3: created_at lies outside the years 1900 to 9999");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenADateLiesAfterTheYear9999() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "dossiers.csv",
                        "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                        "dos-1,sch-transport,ind-1,ind-1,,2026-01-10T10:00:00Z,+10000-01-01T00:00:00Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("dossiers.csv line 2: updated_at lies outside the years 1900 to 9999");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenADateIsNotAnInstant() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "dossiers.csv",
                        "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                        "dos-1,sch-transport,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z",
                        "dos-2,sch-transport,ind-2,ind-2,,yesterday,2026-02-01T10:00:00Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("dossiers.csv line 3: created_at is not an ISO-8601 instant such as 2026-11-30T08:15:00Z");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenALastLoginLiesInTheFuture() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id,first_name,last_name,email,created_at,last_login_at",
                        "ind-1,Hélène,Le Guévellec,h.leguevellec@example.org,2024-03-01T00:00:00Z,"
                                + "2999-11-01T08:00:00Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 2: last_login_at lies in the future");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenALastLoginComesBeforeTheAccountsCreation() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id,first_name,last_name,email,created_at,last_login_at",
                        "ind-1,Hélène,Le Guévellec,h.leguevellec@example.org,2024-03-01T00:00:00Z,2024-03-02T00:00:00Z",
                        "ind-2,Paul,Girard,p.girard@example.org,2024-03-01T00:00:00Z,2024-02-29T23:59:59Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 3: last_login_at lies before created_at: nobody logs in to an"
                        + " account not yet created");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAHeaderIsWrong() {
        CsvFolder files =
                CsvFolder.valid().with("schemes.csv", "id,label,profile_type", "sch-transport,Transport scolaire,");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("schemes.csv line 1: the header must be exactly id,name,profile_type");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAFileIsEmpty() {
        CsvFolder files = CsvFolder.valid().with("profiles.csv");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("profiles.csv line 1: the header is missing; it must be id,type,name");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenTheHeaderIsADataLine() {
        CsvFolder files = CsvFolder.valid().with("profiles.csv", "hh-1,HOUSEHOLD,Foyer Le Guévellec");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("profiles.csv line 1: the header must be exactly id,type,name");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAFileIsMissing() {
        CsvFolder files = CsvFolder.valid().without("memberships.csv");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("memberships.csv: the file is missing from the import folder");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAnIdIsDuplicated() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "dossiers.csv",
                        "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                        "dos-1,sch-transport,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z",
                        "dos-2,sch-transport,ind-2,ind-2,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z",
                        "dos-1,sch-transport,ind-3,ind-3,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("dossiers.csv line 4: duplicate id 'dos-1'");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAnIdRepeatsOneOfAnEarlierChunk() {
        List<String> lines = new ArrayList<>();
        lines.add("id,first_name,last_name,email,created_at,last_login_at");
        IntStream.rangeClosed(1, TableLoader.CHUNK_SIZE + 1)
                .mapToObj(i -> "ind-%d,Anne-Sophie,Quéré,as%d@example.org,2024-03-01T00:00:00Z,".formatted(i, i))
                .forEach(lines::add);
        lines.add("ind-7,Yann,Le Bihan,yann@example.org,2024-03-01T00:00:00Z,");
        CsvFolder files = CsvFolder.valid().with("individuals.csv", lines.toArray(String[]::new));

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 1003: duplicate id 'ind-7'");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAMembershipRefersToAnUnknownIndividual() {
        CsvFolder files =
                CsvFolder.valid().with("memberships.csv", "profile_id,individual_id", "hh-1,ind-1", "hh-1,ind-99");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("memberships.csv line 3: individual_id 'ind-99' refers to no active individual");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenALineHasTooManyFields() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "dossiers.csv",
                        "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                        "dos-1,sch-transport,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z,extra");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("dossiers.csv line 2: 8 fields where the header has 7");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWithoutQuotingTheAddressWhenAMailAddressIsInvalid() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id,first_name,last_name,email,created_at,last_login_at",
                        "ind-1,Hélène,Le Guévellec,helene.leguevellec at example.org,2024-03-01T00:00:00Z,");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 2: email is not a valid mail address");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenARequiredFieldIsEmpty() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id,first_name,last_name,email,created_at,last_login_at",
                        "ind-1,Hélène,,helene@example.org,2024-03-01T00:00:00Z,");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage("individuals.csv line 2: last_name is missing");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenADossierLacksTheProfileItsSchemeCarries() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "dossiers.csv",
                        "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at",
                        "dos-1,sch-logement,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage(
                        "dossiers.csv line 2: scheme 'sch-logement' needs a profile of type HOUSEHOLD in profile_id");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenAQuoteIsNotClosed() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "profiles.csv",
                        "id,type,name",
                        "hh-1,HOUSEHOLD,Foyer Le Guévellec",
                        "org-1,ORGANISATION,\"Association des amis de l'orgue\" et cetera");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage(
                        "profiles.csv line 3: not well-formed CSV (a quote is not closed, or text follows a closing "
                                + "quote)");
        assertNothingImported();
    }

    @Test
    void shouldRefuseTheImportWhenOneLineIsNotUtf8AndOthersAre() {
        byte[] utf8 = """
                id,first_name,last_name,email,created_at,last_login_at
                ind-1,Zoé,Le Bihan,zoe@example.org,2024-03-01T00:00:00Z,
                """.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 =
                "ind-2,Hélène,Quéré,helene@example.org,2024-03-01T00:00:00Z,\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvFolder files = CsvFolder.valid().withBytes("individuals.csv", concat(utf8, latin1));

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage(
                        "individuals.csv line 3: the line is not valid UTF-8 while others are; save the whole file as"
                                + " UTF-8");
        assertNothingImported();
    }

    @Test
    void shouldKeepTheAccentsWhenTheFileIsWindows1252() {
        byte[] windows1252 = """
                id,first_name,last_name,email,created_at,last_login_at
                ind-1,Yann,Le Bihan,yann@example.org,2024-03-01T00:00:00Z,
                ind-2,Hélène,Quéré-Cœur,helene@example.org,2024-03-01T00:00:00Z,
                ind-3,Zoé,N'Diaye,zoe@example.org,2024-03-01T00:00:00Z,
                """.getBytes(TextEncoding.WINDOWS_1252);
        CsvFolder files = CsvFolder.valid().withBytes("individuals.csv", windows1252);

        ImportReport report = importer.importFolder(files.writeTo(folder));

        assertThat(report.individuals()).isEqualTo(3);
        assertThat(individuals.findById("ind-2")).get().satisfies(individual -> {
            assertThat(individual.firstName()).isEqualTo("Hélène");
            assertThat(individual.lastName()).isEqualTo("Quéré-Cœur");
        });
    }

    @Test
    void shouldReadTheFieldsWhenTheyAreSeparatedBySemicolons() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "individuals.csv",
                        "id;first_name;last_name;email;created_at;last_login_at",
                        "ind-1;Hélène;Le Guévellec;h.leguevellec@example.org;2024-03-01T00:00:00Z;2026-11-21T00:00:00Z",
                        "ind-2;Jean-Baptiste;\"O'Connor; dit JB\";jb.oconnor@example.org;2025-06-15T14:30:00Z;",
                        "ind-3;Zoé;Martin, épouse N'Diaye;zoe.martin@example.org;2023-12-01T08:00:00Z;");

        ImportReport report = importer.importFolder(files.writeTo(folder));

        assertThat(report.individuals()).isEqualTo(3);
        assertThat(individuals.findById("ind-2").map(Individual::lastName)).hasValue("O'Connor; dit JB");
        assertThat(individuals.findById("ind-3").map(Individual::lastName)).hasValue("Martin, épouse N'Diaye");
    }

    @Test
    void shouldNameTheLineOfTheFileWhenABlankLinePrecedesTheError() {
        CsvFolder files = CsvFolder.valid()
                .with(
                        "profiles.csv",
                        "id,type,name",
                        "hh-1,HOUSEHOLD,Foyer Le Guévellec",
                        "",
                        "org-1,association,Club");

        assertThatExceptionOfType(ImportException.class)
                .isThrownBy(() -> importer.importFolder(files.writeTo(folder)))
                .withMessage(
                        "profiles.csv line 4: type is not a code (upper-case letters, digits and '_', at most 40)");
        assertNothingImported();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private void assertNothingImported() {
        for (String table :
                List.of("individual", "profile", "membership", "scheme", "dossier", "lifecycle_enrolment")) {
            assertThat(rowCount(table)).as(table).isZero();
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isZero();
    }

    private int rowCount(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private static int dataLines(String file) throws IOException {
        return Files.readAllLines(SAMPLES.resolve(file)).size() - 1;
    }
}
