package org.opencrm.accountlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses the API and the import take are those a mail can later be composed for. */
class MailAddressValidatorTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "jeanne.martin@example.org",
                "j.o'neil+crm@mairie-rennes.bzh",
                "x@a.io",
                "x@mairie-75.fr",
                "x@123.example.org",
                "helene_le-guevellec@sub.domain.example.fr",
            })
    void shouldAcceptAnAddressTheMailerTakes(String address) {
        assertThat(MailAddressValidator.isValid(address)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "a..b@example.org",
                ".a@example.org",
                "a.@example.org",
                "a@example..org",
                "a@example.org.",
                "a@.example.org",
                "a@-example.org",
                "a@example-.org",
                "a@localhost",
                "@example.org",
                "a@",
                "a@@example.org",
                "a b@example.org",
                "\"a b\"@example.org",
                "Jeanne <jeanne@example.org>",
                "jeanne@example.org, other@example.org",
                "josé@example.org",
                "a@exämple.org",
                "a@123.456",
            })
    void shouldRefuseAnAddressTheMailerWouldNotTakeOrThatIsNoPlainAddress(String address) {
        assertThat(MailAddressValidator.isValid(address)).isFalse();
    }

    @ParameterizedTest(name = "local part of {0} characters")
    @ValueSource(ints = {64, 65})
    void shouldTakeALocalPartOfUpTo64Characters(int length) {
        assertThat(MailAddressValidator.isValid("a".repeat(length) + "@example.org"))
                .isEqualTo(length <= 64);
    }

    @ParameterizedTest(name = "address of {0} characters")
    @ValueSource(ints = {254, 255})
    void shouldTakeAnAddressOfUpTo254Characters(int length) {
        String address = "jeanne@" + domainOf(length - "jeanne@".length());

        assertThat(address).hasSize(length);
        assertThat(MailAddressValidator.isValid(address)).isEqualTo(length <= 254);
    }

    /** Labels of at most 50 letters in front of {@code org}, so that only the whole length can be wrong. */
    private static String domainOf(int length) {
        StringBuilder domain = new StringBuilder("org");
        while (domain.length() < length) {
            int label = Math.min(50, length - domain.length() - 1);
            domain.insert(0, "d".repeat(label) + ".");
        }
        return domain.toString();
    }
}
