package org.opencrm.accountlifecycle.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.opencrm.accountlifecycle.support.TestAccounts.integration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The profiles API and memberships: Anonymous profiles and deleted individuals never show, repeats are harmless. */
@AccountLifecycleTest
class ProfileApiTests {

    private static final Instant CREATED = Instant.parse("2026-01-11T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void shouldCreateReadAndChangeAProfileWhenTheRequestsAreValid() throws Exception {
        ResultActions created = send(post("/api/profiles"), """
                {"id": "pro-1", "profileType": "HOUSEHOLD", "name": "Foyer Martin"}
                """);
        ResultActions changed = send(put("/api/profiles/pro-1"), """
                {"profileType": "HOUSEHOLD", "name": "Foyer Martin-Roy"}
                """);

        created.andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("pro-1"))
                .andExpect(jsonPath("$.profileType").value("HOUSEHOLD"))
                .andExpect(jsonPath("$.anonymousKey").doesNotExist());
        changed.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Foyer Martin-Roy"));
        mvc.perform(get("/api/profiles/pro-1").with(integration()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Foyer Martin-Roy"));
    }

    @Test
    void shouldRefuseWithAProblemNamingTheFieldWhenTheProfileTypeIsNotUpperCase() throws Exception {
        ResultActions response = send(post("/api/profiles"), """
                {"id": "pro-1", "profileType": "household", "name": "Foyer Martin"}
                """);

        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("profileType"))
                .andExpect(jsonPath("$.detail")
                        .value("profileType: must be an upper-case letter "
                                + "then up to 39 upper-case letters, digits or _"));
        assertThat(count("profile")).isZero();
    }

    @Test
    void shouldRefuseWithConflictWhenTheIdIsTaken() throws Exception {
        data.profile("pro-1", "HOUSEHOLD");

        ResultActions response = send(post("/api/profiles"), """
                {"id": "pro-1", "profileType": "ORGANISATION", "name": "Association"}
                """);

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("The profile id 'pro-1' is already taken"));
        assertThat(jdbc.sql("SELECT profile_type FROM profile WHERE id = 'pro-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("HOUSEHOLD");
    }

    @Test
    void shouldRefuseToChangeTheTypeWhenADossierCarriesTheProfile() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        data.scheme("housing-aid", "HOUSEHOLD");
        data.profile("pro-1", "HOUSEHOLD", "ind-1");
        data.dossier("dos-1", "housing-aid", "ind-1", "ind-1", "pro-1", CREATED);

        ResultActions response = send(put("/api/profiles/pro-1"), """
                {"profileType": "ORGANISATION", "name": "Association"}
                """);

        response.andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("profileType"))
                .andExpect(
                        jsonPath("$.detail").value("The type of profile 'pro-1' cannot change: 1 dossier(s) carry it"));
        assertThat(jdbc.sql("SELECT name FROM profile WHERE id = 'pro-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("Profile pro-1");
    }

    @Test
    void shouldNeverShowAnAnonymousProfileWhenReadingOrListing() throws Exception {
        data.profile("pro-1", "HOUSEHOLD");
        jdbc.sql("INSERT INTO profile (id, profile_type, name, anonymous_key) VALUES (?, ?, ?, ?)")
                .params("anonymous-1", "HOUSEHOLD", "Anonyme", "ANONYMOUS:HOUSEHOLD")
                .update();

        ResultActions read = mvc.perform(get("/api/profiles/anonymous-1").with(integration()));
        ResultActions list = mvc.perform(get("/api/profiles?page=0&size=50").with(integration()));

        read.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No profile with id 'anonymous-1'"));
        list.andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].id").value(contains("pro-1")));
    }

    @Test
    void shouldAddAMemberOnceWhenTheSameRequestIsRepeated() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        data.profile("pro-1", "HOUSEHOLD");

        ResultActions first =
                mvc.perform(put("/api/profiles/pro-1/members/ind-1").with(integration()));
        ResultActions second =
                mvc.perform(put("/api/profiles/pro-1/members/ind-1").with(integration()));

        first.andExpect(status().isNoContent());
        second.andExpect(status().isNoContent());
        mvc.perform(get("/api/profiles/pro-1/members").with(integration()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items").value(contains("ind-1")));
    }

    @Test
    void shouldRemoveAMemberAndAnswerTheSameWhenRemovingAgain() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        data.individual("ind-2", "Marie", "Martin", CREATED, null);
        data.profile("pro-1", "HOUSEHOLD", "ind-1", "ind-2");

        ResultActions first =
                mvc.perform(delete("/api/profiles/pro-1/members/ind-1").with(integration()));
        ResultActions second =
                mvc.perform(delete("/api/profiles/pro-1/members/ind-1").with(integration()));

        first.andExpect(status().isNoContent());
        second.andExpect(status().isNoContent());
        assertThat(members("pro-1")).containsExactly("ind-2");
    }

    @Test
    void shouldAnswerNotFoundAndAddNoMemberWhenTheIndividualIsDeleted() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);
        jdbc.sql("UPDATE individual SET deleted_at = ? WHERE id = 'ind-1'")
                .param(CREATED.atOffset(ZoneOffset.UTC))
                .update();
        data.profile("pro-1", "HOUSEHOLD");

        ResultActions response =
                mvc.perform(put("/api/profiles/pro-1/members/ind-1").with(integration()));

        response.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No individual with id 'ind-1'"));
        assertThat(members("pro-1")).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundWhenTheProfileIsUnknown() throws Exception {
        data.individual("ind-1", "Jean", "Martin", CREATED, null);

        ResultActions response =
                mvc.perform(put("/api/profiles/pro-404/members/ind-1").with(integration()));

        response.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No profile with id 'pro-404'"));
        assertThat(count("membership")).isZero();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(integration())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private List<String> members(String profileId) {
        return jdbc.sql("SELECT individual_id FROM membership WHERE profile_id = ? ORDER BY individual_id")
                .param(profileId)
                .query(String.class)
                .list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
