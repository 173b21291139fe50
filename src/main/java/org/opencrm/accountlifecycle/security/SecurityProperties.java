package org.opencrm.accountlifecycle.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * One account per role. There is no default password outside the demo profile: start-up stops and names the missing
 * property (for instance the environment variable {@code ACCOUNT_LIFECYCLE_SECURITY_AGENT_PASSWORD}).
 */
@Validated
@ConfigurationProperties("account-lifecycle.security")
record SecurityProperties(
        @NotNull(message = "configure the administrator account") @Valid
        Account administrator,

        @NotNull(message = "configure the agent account") @Valid
        Account agent,

        @NotNull(message = "configure the integration account") @Valid
        Account integration) {

    record Account(
            @NotBlank(message = "set a user name") String username,

            @NotBlank(message = "set a password; there is no default outside the demo profile")
            String password) {}
}
