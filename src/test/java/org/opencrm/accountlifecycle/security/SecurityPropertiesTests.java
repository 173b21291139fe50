package org.opencrm.accountlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Outside the demo there is no default password: start-up stops and names what is missing. */
class SecurityPropertiesTests {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(SecurityPropertiesOnly.class)
            .withPropertyValues(
                    "account-lifecycle.security.administrator.username=admin",
                    "account-lifecycle.security.administrator.password=a-secret",
                    "account-lifecycle.security.agent.username=agent",
                    "account-lifecycle.security.integration.username=integration",
                    "account-lifecycle.security.integration.password=another-secret");

    @Test
    void shouldStopTheStartAndNameThePropertyWhenAPasswordIsMissing() {
        application.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("account-lifecycle.security.agent.password")
                    .hasMessageContaining("set a password; there is no default outside the demo profile");
        });
    }

    @Test
    void shouldStartWhenEveryAccountHasAPassword() {
        application
                .withPropertyValues("account-lifecycle.security.agent.password=third-secret")
                .run(context -> assertThat(context.getBean(SecurityProperties.class)
                                .agent()
                                .username())
                        .isEqualTo("agent"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class SecurityPropertiesOnly {}
}
