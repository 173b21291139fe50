package org.opencrm.accountlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.EngineTime;
import org.opencrm.accountlifecycle.support.TestAccounts;
import org.opencrm.accountlifecycle.support.TestData;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The mail templates API: a template is checked when saved, a refused one leaves the previous version in use, and
 * the settings choose which template each mail uses.
 */
@AccountLifecycleTest
class MailTemplateApiTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    private static final Instant TODAY = Instant.parse("2027-01-11T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String SUBJECT = "Votre compte va être supprimé";
    private static final String BODY = "<p>Bonjour {{firstName}} {{lastName}},</p>\n<p>Suppression le {{deletionDate}}."
            + " Connectez-vous : {{portalUrl}}</p>";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LifecycleService lifecycle;

    @LocalServerPort
    int port;

    @Autowired
    EngineTime time;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() throws Exception {
        time.start(TODAY);
        data.reset();
        createTemplate("rappel", SUBJECT, BODY).andExpect(status().isCreated());
    }

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void shouldListReadAndChangeTheTemplateWhenItIsValid() throws Exception {
        ResultActions response = changeTemplate("rappel", "Dernier rappel, {{firstName}}", "<p>{{deletionDate}}</p>");

        response.andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("Dernier rappel, {{firstName}}"));

        mvc.perform(get("/api/templates").with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id").value(contains("account-deleted", "inactivity-notice", "rappel")))
                .andExpect(jsonPath("$.items[2].subject").value("Dernier rappel, {{firstName}}"))
                .andExpect(jsonPath("$.items[2].body").doesNotExist());
        expectTemplate("rappel", "Dernier rappel, {{firstName}}", "<p>{{deletionDate}}</p>");
    }

    static Stream<Arguments> invalidTemplates() {
        return Stream.of(
                Arguments.of(
                        "an unclosed section",
                        SUBJECT,
                        "<p>Bonjour</p>\n{{#firstName}}<p>{{firstName}}</p>",
                        "body",
                        "body line 2: Section missing close tag 'firstName'",
                        2,
                        null),
                Arguments.of(
                        "a close tag without a section",
                        SUBJECT,
                        "<p>Bonjour</p>\n\n<p>{{/lastName}}</p>",
                        "body",
                        "body line 3: Section close tag with no open tag 'lastName'",
                        3,
                        null),
                Arguments.of(
                        "an unknown placeholder in the subject",
                        "Bonjour {{prenom}}",
                        BODY,
                        "subject",
                        "subject line 1, column 9: unknown placeholder {{prenom}}; the placeholders are firstName,"
                                + " lastName, deletionDate, portalUrl",
                        1,
                        9),
                Arguments.of(
                        "an unknown placeholder in the body",
                        SUBJECT,
                        "<p>Bonjour {{firstName}},</p>\n<p>\n  {{ dateSuppression }}</p>",
                        "body",
                        "body line 3, column 3: unknown placeholder {{dateSuppression}}; the placeholders are"
                                + " firstName, lastName, deletionDate, portalUrl",
                        3,
                        3),
                Arguments.of(
                        "a tag never closed",
                        SUBJECT,
                        "<p>Bonjour {{firstName</p>",
                        "body",
                        "body line 1, column 12: the tag opened here is not closed with }}",
                        1,
                        12),
                Arguments.of(
                        "an unescaped placeholder in the body",
                        SUBJECT,
                        "<p>Bonjour {{{firstName}}}</p>",
                        "body",
                        "body line 1, column 12: {{firstName}} must be escaped: write it with two braces and no '&'",
                        1,
                        12),
                Arguments.of(
                        "a partial",
                        SUBJECT,
                        "{{> footer}}",
                        "body",
                        "body line 1, column 1: partials are not supported",
                        1,
                        1),
                Arguments.of(
                        "a subject over two lines",
                        "Votre compte\r\nBcc: everyone@example.org",
                        BODY,
                        "subject",
                        "subject line 1, column 13: the subject must be one line: it becomes a mail header",
                        1,
                        13),
                Arguments.of(
                        "a subject broken by a Unicode line separator",
                        "Votre compte\u2028expire",
                        BODY,
                        "subject",
                        "subject line 1, column 13: the subject must be one line: it becomes a mail header",
                        1,
                        13),
                Arguments.of(
                        "a subject with a terminal escape",
                        "Votre \u001b[31mcompte",
                        BODY,
                        "subject",
                        "subject line 1, column 7: the subject must not hold a tab or another control character: it"
                                + " becomes a mail header",
                        1,
                        7),
                Arguments.of(
                        "an empty section",
                        SUBJECT,
                        "<p>{{#}}</p>",
                        "body",
                        "body line 1, column 4: an empty tag names no placeholder",
                        1,
                        4),
                Arguments.of(
                        "a subject of 301 characters",
                        "x".repeat(301),
                        BODY,
                        "subject",
                        "subject: at most 300 characters, not 301",
                        null,
                        null),
                Arguments.of(
                        "a body of 100 KB and one byte",
                        SUBJECT,
                        "é".repeat(51_200) + "!",
                        "body",
                        "body: at most 102400 bytes (100 KB) in UTF-8, not 102401",
                        null,
                        null),
                Arguments.of(
                        "an empty tag in the body",
                        SUBJECT,
                        "<p>Bonjour</p>\n<p>{{ }}</p>",
                        "body",
                        "body line 2, column 4: an empty tag names no placeholder",
                        2,
                        4),
                Arguments.of(
                        "an empty tag in the subject",
                        "Bonjour {{}}",
                        BODY,
                        "subject",
                        "subject line 1, column 9: an empty tag names no placeholder",
                        1,
                        9),
                Arguments.of(
                        "a NUL character in the body",
                        SUBJECT,
                        "<p>Bonjour\u0000</p>",
                        "body",
                        "body: must not contain the NUL character nor half a character (a lone surrogate)",
                        null,
                        null),
                Arguments.of("a blank subject", " ", BODY, "subject", "subject: must not be blank", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTemplates")
    void shouldRefuseWithAProblemNamingFieldAndPositionWhenTheTemplateIsInvalid(
            String description, String subject, String body, String field, String detail, Integer line, Integer column)
            throws Exception {
        ResultActions response = changeTemplate("rappel", subject, body);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(
                        line == null
                                ? jsonPath("$.line").doesNotExist()
                                : jsonPath("$.line").value(line))
                .andExpect(
                        column == null
                                ? jsonPath("$.column").doesNotExist()
                                : jsonPath("$.column").value(column));

        expectTemplate("rappel", SUBJECT, BODY);
    }

    @Test
    void shouldRefuseANewTemplateWhoseNameHasALineBreak() throws Exception {
        ResultActions response = mvc.perform(post("/api/templates")
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(
                        Map.of("id", "brouillon", "name", "Relance\nBcc", "subject", SUBJECT, "body", BODY))));

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail")
                        .value("name: must not contain line breaks, tabs or other control characters"));
        mvc.perform(get("/api/templates/brouillon").with(administrator())).andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseANewTemplateWhenItIsInvalid() throws Exception {
        ResultActions response = createTemplate("brouillon", SUBJECT, "{{#lastName}}");

        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"))
                .andExpect(jsonPath("$.detail").value("body line 1: Section missing close tag 'lastName'"));

        mvc.perform(get("/api/templates/brouillon").with(administrator())).andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseWith409WhenTheIdIsTaken() throws Exception {
        ResultActions response = createTemplate("rappel", "Autre sujet", "<p>Autre</p>");

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("A mail template with id 'rappel' already exists"));

        expectTemplate("rappel", SUBJECT, BODY);
    }

    @Test
    void shouldAnswer404WhenTheTemplateDoesNotExist() throws Exception {
        ResultActions response = changeTemplate("inconnu", SUBJECT, BODY);

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No mail template with id 'inconnu'"));

        mvc.perform(get("/api/templates/inconnu").with(administrator())).andExpect(status().isNotFound());
    }

    @Test
    void shouldAnswer413AndKeepTheTemplateWhenTheBodyIsSeveralMegabytes() throws Exception {
        String threeMegabytes = "<p>" + "x".repeat(3 * 1024 * 1024) + "</p>";

        ResultActions response = changeTemplate("rappel", SUBJECT, threeMegabytes);

        response.andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 1048576 bytes"));

        expectTemplate("rappel", SUBJECT, BODY);
    }

    @Test
    void shouldAnswer413AndKeepTheTemplateWhenAChunkedBodyPassesTheLimit() throws Exception {
        byte[] twoMegabytes = templateJson(SUBJECT, "<p>" + "x".repeat(2 * 1024 * 1024) + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/templates/rappel"))
                .header("Authorization", basic(TestAccounts.ADMINISTRATOR))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                // a stream of unknown length goes out chunked, without a Content-Length
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(response.body()).get("detail").asText())
                .isEqualTo("The request body is larger than 1048576 bytes");
        expectTemplate("rappel", SUBJECT, BODY);
    }

    @Test
    void shouldRenderTheTemplateEscapedWithASampleDeletionDateWhenPreviewedForAnIndividual() throws Exception {
        data.individual("ind-1", "Amélie", "<b>Dupont</b>", TODAY.minus(DAY.multipliedBy(400)), null);

        ResultActions response = mvc.perform(post("/api/templates/rappel/preview")
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"individualId\": \"ind-1\"}"));

        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(SUBJECT))
                .andExpect(jsonPath("$.htmlBody")
                        .value("<p>Bonjour Amélie &lt;b&gt;Dupont&lt;/b&gt;,</p>\n<p>Suppression le 10 février 2027."
                                + " Connectez-vous : https://portail.example.org</p>"));
    }

    @Test
    void shouldAnswer404WhenThePreviewIsForAnUnknownIndividual() throws Exception {
        ResultActions response = mvc.perform(post("/api/templates/rappel/preview")
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"individualId\": \"ind-404\"}"));

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No individual with id 'ind-404'"));
    }

    @Test
    void shouldRefuseWith409AndKeepTheTemplateWhenTheSettingsUseIt() throws Exception {
        ResultActions response =
                mvc.perform(delete("/api/templates/inactivity-notice").with(administrator()));

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("The mail template 'inactivity-notice' is chosen in the settings; choose another one"
                                + " first"));

        mvc.perform(get("/api/templates/inactivity-notice").with(administrator()))
                .andExpect(status().isOk());
    }

    @Test
    void shouldDeleteTheTemplateWhenNoSettingUsesIt() throws Exception {
        ResultActions response = mvc.perform(delete("/api/templates/rappel").with(administrator()));

        response.andExpect(status().isNoContent());

        mvc.perform(get("/api/templates/rappel").with(administrator())).andExpect(status().isNotFound());
    }

    @Test
    void shouldSendTheNextNoticeWithTheNewTemplateWhenTheSettingsChooseIt() throws Exception {
        Instant lastLogin = TODAY.minus(DAY.multipliedBy(10));
        data.individual("ind-1", "Amélie", "Dupont", TODAY.minus(DAY.multipliedBy(400)), lastLogin);
        lifecycle.enrol("ind-1");

        mvc.perform(put("/api/settings")
                        .with(administrator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"noticeDelayDays": 30, "deletionDelayDays": 60, "inactivityMode": "NO_LOGIN",
                                 "enabled": true, "noticeTemplateId": "rappel", "deletionTemplateId": "account-deleted"}
                                """))
                .andExpect(status().isOk());
        time.advanceTo(lastLogin.plus(DAY.multipliedBy(30)));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo(SUBJECT);
        assertThat(received[0].getHeader(NotificationService.TEMPLATE_HEADER)).containsExactly("rappel");
    }

    private ResultActions createTemplate(String id, String subject, String body) throws Exception {
        String template =
                json.writeValueAsString(Map.of("id", id, "name", "Modèle " + id, "subject", subject, "body", body));
        return mvc.perform(post("/api/templates")
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content(template));
    }

    private ResultActions changeTemplate(String id, String subject, String body) throws Exception {
        return mvc.perform(put("/api/templates/" + id)
                .with(administrator())
                .contentType(MediaType.APPLICATION_JSON)
                .content(templateJson(subject, body)));
    }

    private String templateJson(String subject, String body) throws Exception {
        return json.writeValueAsString(Map.of("name", "Relance", "subject", subject, "body", body));
    }

    private void expectTemplate(String id, String subject, String body) throws Exception {
        mvc.perform(get("/api/templates/" + id).with(administrator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value(subject))
                .andExpect(jsonPath("$.body").value(body));
    }

    private static String basic(TestAccounts account) {
        String token = account.username + ":" + account.password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
