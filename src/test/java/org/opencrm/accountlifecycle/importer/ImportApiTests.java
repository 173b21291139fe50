package org.opencrm.accountlifecycle.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestAccounts;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** POST /api/imports: the CSV import over HTTP, all or nothing, each refusal naming the file and the line. */
@AccountLifecycleTest
class ImportApiTests {

    private static final Instant TODAY = Instant.parse("2026-12-01T00:00:00Z");
    /** spring.servlet.multipart.max-file-size */
    private static final int FIFTY_MEGABYTES = 50 * 1024 * 1024;

    private static final String INDIVIDUALS_HEADER = "id,first_name,last_name,email,created_at,last_login_at";
    private static final String DOSSIERS_HEADER =
            "id,scheme_id,applicant_id,beneficiary_id,profile_id,created_at,updated_at";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndividualRepository individuals;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    @Autowired
    EngineTime time;

    @BeforeEach
    void setUp() {
        time.start(TODAY);
        new TestData(jdbc, runtime).reset();
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldAnswerTheReportAndEnrolEveryoneWhenTheFilesAreValid() throws Exception {
        ResultActions response = upload(CsvFolder.valid());

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.individuals").value(3))
                .andExpect(jsonPath("$.profiles").value(2))
                .andExpect(jsonPath("$.memberships").value(3))
                .andExpect(jsonPath("$.schemes").value(2))
                .andExpect(jsonPath("$.dossiers").value(2))
                .andExpect(jsonPath("$.enrolled").value(3));
        assertThat(rowCount("individual")).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(3);
    }

    @Test
    void shouldKeepOneOfThreeImportsOfTheSameFilesSentAtOnceAndAnswerTheOthersWithoutAServerError() throws Exception {
        CsvFolder files = CsvFolder.valid();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        List<Future<MvcResult>> sent;
        try {
            sent = senders.invokeAll(
                    Collections.nCopies(3, () -> mvc.perform(request(files)).andReturn()));
        } finally {
            senders.shutdown();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<MvcResult> answer : sent) {
            MvcResult result = answer.get();
            statuses.add(result.getResponse().getStatus());
            // the one that came second finds the ids taken; one that ran alongside meets them at the commit
            if (result.getResponse().getStatus() == 400) {
                assertThat(result.getResponse().getContentAsString())
                        .contains("individuals.csv line 2: duplicate id 'ind-1'");
            }
            if (result.getResponse().getStatus() == 409) {
                assertThat(result.getResponse().getContentAsString())
                        .contains("Another import wrote some of the same ids at the same time");
            }
        }
        assertThat(statuses).containsOnlyOnce(200).isSubsetOf(200, 400, 409);
        assertThat(rowCount("individual")).isEqualTo(3);
        assertThat(rowCount("dossier")).isEqualTo(2);
        assertThat(rowCount("lifecycle_enrolment")).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(KEY)
                        .count())
                .isEqualTo(3);
    }

    @Test
    void shouldAnswerConflictAndKeepNothingWhenAnotherWriterHoldsOneOfTheIdsAsTheImportWritesIt() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch importAnswered = new CountDownLatch(1);
        ExecutorService otherWriter = Executors.newSingleThreadExecutor();
        MvcResult result;
        try {
            // 'ind-1' written and not committed: the import finds it free, then waits for the row at its own insert
            Future<?> other =
                    otherWriter.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        new TestData(jdbc, runtime).individual("ind-1", "Autre", "Source", TODAY, null);
                        holding.countDown();
                        // longer than H2's lock timeout; PostgreSQL waits for this commit and then finds the id taken
                        Waits.await(importAnswered, Duration.ofSeconds(12));
                    }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            result = mvc.perform(request(CsvFolder.valid())).andReturn();
            importAnswered.countDown();
            other.get(30, TimeUnit.SECONDS);
        } finally {
            otherWriter.shutdownNow();
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getResponse().getContentAsString())
                .contains("Another import wrote some of the same ids at the same time");
        assertThat(jdbc.sql("SELECT id FROM individual").query(String.class).list())
                .containsExactly("ind-1");
        assertThat(rowCount("dossier")).isZero();
        assertThat(rowCount("lifecycle_enrolment")).isZero();
    }

    static Stream<Arguments> invalidImports() {
        return Stream.of(
                Arguments.of(
                        "a wrong header",
                        CsvFolder.valid().with("schemes.csv", "id,label,profile_type", "sch-1,Transport scolaire,"),
                        "schemes",
                        1,
                        "schemes.csv line 1: the header must be exactly id,name,profile_type"),
                Arguments.of(
                        "an empty file",
                        CsvFolder.valid().with("profiles.csv"),
                        "profiles",
                        1,
                        "profiles.csv line 1: the header is missing; it must be id,type,name"),
                Arguments.of(
                        "a bad date on one line",
                        CsvFolder.valid()
                                .with(
                                        "dossiers.csv",
                                        DOSSIERS_HEADER,
                                        "dos-1,sch-transport,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z",
                                        "dos-2,sch-transport,ind-2,ind-2,,10/01/2026,2026-02-01T10:00:00Z"),
                        "dossiers",
                        3,
                        "dossiers.csv line 3: created_at is not an ISO-8601 instant such as 2026-11-30T08:15:00Z"),
                Arguments.of(
                        "a duplicate id",
                        CsvFolder.valid()
                                .with(
                                        "profiles.csv",
                                        "id,type,name",
                                        "hh-1,HOUSEHOLD,Foyer Le Guévellec",
                                        "org-1,ORGANISATION,Club",
                                        "hh-1,HOUSEHOLD,Foyer Quéré"),
                        "profiles",
                        4,
                        "profiles.csv line 4: duplicate id 'hh-1'"),
                Arguments.of(
                        "a reference to an unknown row",
                        CsvFolder.valid()
                                .with(
                                        "dossiers.csv",
                                        DOSSIERS_HEADER,
                                        "dos-1,sch-velo,ind-1,ind-1,,2026-01-10T10:00:00Z,2026-02-01T10:00:00Z"),
                        "dossiers",
                        2,
                        "dossiers.csv line 2: scheme_id 'sch-velo' refers to no row of scheme"),
                Arguments.of(
                        "a line with too many fields",
                        CsvFolder.valid()
                                .with("memberships.csv", "profile_id,individual_id", "hh-1,ind-1", "hh-1,ind-3,org-1"),
                        "memberships",
                        3,
                        "memberships.csv line 3: 3 fields where the header has 2"),
                Arguments.of(
                        "a header separated by semicolons and lines by commas",
                        CsvFolder.valid().with("memberships.csv", "profile_id;individual_id", "hh-1,ind-1"),
                        "memberships",
                        2,
                        "memberships.csv line 2: 1 fields where the header has 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidImports")
    void shouldRefuseWithTheFileAndLineAndKeepNothingWhenAFileIsInvalid(
            String description, CsvFolder files, String field, int line, String detail) throws Exception {
        ResultActions response = upload(files);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.file").value(field + ".csv"))
                .andExpect(jsonPath("$.line").value(line))
                .andExpect(jsonPath("$.detail").value(detail));

        assertNothingImported();
    }

    @Test
    void shouldRefuseAndKeepNothingWhenAPartIsMissing() throws Exception {
        ResultActions response = upload(CsvFolder.valid().without("memberships.csv"));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("memberships"))
                .andExpect(jsonPath("$.detail")
                        .value("memberships.csv: the part 'memberships' is missing from the upload"));

        assertNothingImported();
    }

    @Test
    void shouldRefuseAndKeepNothingWhenAPartIsSentTwice() throws Exception {
        MockMultipartHttpServletRequestBuilder request = request(CsvFolder.valid());
        request.file(new MockMultipartFile(
                "individuals",
                "individuals.csv",
                "text/csv",
                (INDIVIDUALS_HEADER + "\nind-9,Paul,Durand,paul@example.org,2024-03-01T00:00:00Z,\n")
                        .getBytes(StandardCharsets.UTF_8)));

        ResultActions response = mvc.perform(request);

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("individuals"))
                .andExpect(jsonPath("$.detail").value("The part 'individuals' is sent 2 times; send each file once"));

        assertNothingImported();
    }

    @Test
    void shouldRefuseAndKeepNothingWhenAPartHasAnUnknownName() throws Exception {
        MockMultipartHttpServletRequestBuilder request = request(CsvFolder.valid());
        request.file(new MockMultipartFile("individual", "individual.csv", "text/csv", new byte[] {'x'}));

        ResultActions response = mvc.perform(request);

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("individual"))
                .andExpect(jsonPath("$.detail")
                        .value("Unknown part 'individual'; the parts are individuals, profiles, memberships,"
                                + " schemes, dossiers"));

        assertNothingImported();
    }

    @Test
    void shouldRefuseAndKeepNothingWhenOneLineIsNotUtf8AndOthersAre() throws Exception {
        byte[] utf8 = (INDIVIDUALS_HEADER + "\nind-1,Zoé,Le Bihan,zoe@example.org,2024-03-01T00:00:00Z,\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 =
                "ind-2,Hélène,Quéré,helene@example.org,2024-03-01T00:00:00Z,\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes(utf8);
        mixed.writeBytes(latin1);

        ResultActions response = upload(CsvFolder.valid().withBytes("individuals.csv", mixed.toByteArray()));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("individuals"))
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.detail")
                        .value("individuals.csv line 3: the line is not valid UTF-8 while others are; save the whole"
                                + " file as UTF-8"));

        assertNothingImported();
    }

    @Test
    void shouldAcceptTheFileWhenItStartsWithAByteOrderMark() throws Exception {
        byte[] withBom = ("\uFEFF" + INDIVIDUALS_HEADER + "\n"
                        + "ind-1,Éloïse,D'Almeida,eloise@example.org,2024-03-01T00:00:00Z,\n"
                        + "ind-2,Yann,Le Bihan,yann@example.org,2024-03-01T00:00:00Z,\n"
                        + "ind-3,Zoé,N'Diaye,zoe@example.org,2024-03-01T00:00:00Z,\n")
                .getBytes(StandardCharsets.UTF_8);

        ResultActions response = upload(CsvFolder.valid().withBytes("individuals.csv", withBom));

        response.andExpect(status().isOk()).andExpect(jsonPath("$.individuals").value(3));
        assertThat(individuals.findById("ind-1").map(Individual::firstName)).hasValue("Éloïse");
    }

    @Test
    void shouldAcceptAFrenchSpreadsheetExportWhenItIsWindows1252WithSemicolons() throws Exception {
        byte[] export = String.join(
                        "\r\n",
                        "id;first_name;last_name;email;created_at;last_login_at",
                        "ind-1;Hélène;Le Guévellec;h.leguevellec@example.org;2024-03-01T00:00:00Z;",
                        "ind-2;Jean-Baptiste;O'Connor;jb.oconnor@example.org;2025-06-15T14:30:00Z;",
                        "ind-3;Zoé;Martin, épouse Cœur;zoe.martin@example.org;2023-12-01T08:00:00Z;",
                        "")
                .getBytes(TextEncoding.WINDOWS_1252);

        ResultActions response = upload(CsvFolder.valid().withBytes("individuals.csv", export));

        response.andExpect(status().isOk()).andExpect(jsonPath("$.individuals").value(3));
        assertThat(individuals.findById("ind-1").map(Individual::firstName)).hasValue("Hélène");
        assertThat(individuals.findById("ind-3").map(Individual::lastName)).hasValue("Martin, épouse Cœur");
    }

    @Test
    void shouldAnswer413AndKeepNothingWhenAnUploadedFilePassesTheMultipartLimit() throws Exception {
        String boundary = "csv-import-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : CsvFolder.valid().files().entrySet()) {
            byte[] content = file.getKey().equals("individuals.csv") ? new byte[FIFTY_MEGABYTES + 1] : file.getValue();
            String part = file.getKey().replace(".csv", "");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                            + file.getKey() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                .header("Authorization", basic(TestAccounts.ADMINISTRATOR))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(413);
        assertNothingImported();
    }

    private ResultActions upload(CsvFolder files) throws Exception {
        return mvc.perform(request(files));
    }

    private static MockMultipartHttpServletRequestBuilder request(CsvFolder files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        files.files()
                .forEach((file, content) ->
                        request.file(new MockMultipartFile(file.replace(".csv", ""), file, "text/csv", content)));
        request.with(administrator());
        return request;
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

    private static String basic(TestAccounts account) {
        String token = account.username + ":" + account.password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
