package org.opencrm.accountlifecycle.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The accounts of {@code application-test.yml}, one per role, as HTTP Basic credentials. */
public enum TestAccounts {
    ADMINISTRATOR("admin", "test-administrator-password"),
    AGENT("agent", "test-agent-password"),
    INTEGRATION("integration", "test-integration-password");

    public final String username;
    public final String password;

    TestAccounts(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** For MockMvc requests. */
    public RequestPostProcessor basic() {
        return httpBasic(username, password);
    }

    public static RequestPostProcessor administrator() {
        return ADMINISTRATOR.basic();
    }

    public static RequestPostProcessor agent() {
        return AGENT.basic();
    }

    public static RequestPostProcessor integration() {
        return INTEGRATION.basic();
    }
}
