package org.opencrm.accountlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencrm.accountlifecycle.support.TestAccounts.administrator;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The template form of the administration pages takes the rules of the API: a refused name is shown beside the form,
 * in the page's language where the validator has it, and the template stays as it was. The form's screens are in
 * {@code AdminPagesBrowserTests}.
 */
@AccountLifecycleTest
class MailTemplatesPageTests {

    private static final String TEMPLATE = "inactivity-notice";

    @Autowired
    MockMvc mvc;

    @Autowired
    MailTemplateService templates;

    static Stream<Arguments> refusedNames() {
        return Stream.of(
                Arguments.of("empty", "", "name: ne doit pas être vide"),
                Arguments.of(
                        "over 200 characters", "n".repeat(201), "name: la taille doit être comprise entre 0 et 200"),
                Arguments.of(
                        "two lines",
                        "Avis\nde suppression",
                        "name: must not contain line breaks, tabs or other control characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedNames")
    void shouldShowTheRuleAndKeepTheTemplateWhenTheNameIsRefused(String what, String name, String rule)
            throws Exception {
        MailTemplate before = templates.read(TEMPLATE);

        mvc.perform(post("/admin/templates/" + TEMPLATE)
                        .with(administrator())
                        .with(csrf())
                        .param("name", name)
                        .param("subject", "Objet")
                        .param("body", "<p>Bonjour</p>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape(rule, "UTF-8"))));

        assertThat(templates.read(TEMPLATE)).isEqualTo(before);
    }

    @Test
    void shouldSaveTheChangeAndGoBackToTheTemplateWhenTheNameIsRight() throws Exception {
        MailTemplate before = templates.read(TEMPLATE);
        try {
            mvc.perform(post("/admin/templates/" + TEMPLATE)
                            .with(administrator())
                            .with(csrf())
                            .param("name", "Avis de suppression")
                            .param("subject", before.subject())
                            .param("body", before.body()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/admin/templates/" + TEMPLATE));

            assertThat(templates.read(TEMPLATE).name()).isEqualTo("Avis de suppression");
        } finally {
            templates.change(TEMPLATE, new MailTemplateChange(before.name(), before.subject(), before.body()));
        }
    }
}
