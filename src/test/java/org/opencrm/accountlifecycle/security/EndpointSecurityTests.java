package org.opencrm.accountlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencrm.accountlifecycle.support.AccountLifecycleTest;
import org.opencrm.accountlifecycle.support.TestAccounts;
import org.opencrm.accountlifecycle.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint there is, found by enumerating the application's own mappings and the JAX-RS resources of Camunda's
 * REST API and webapp, answers 401 without credentials and 403 with a role that may not use it. Health stays open.
 */
@AccountLifecycleTest
class EndpointSecurityTests {

    /** The health of the mail server is part of the application's health. */
    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    /** Which roles may call which part of the product's API; an endpoint outside this table fails the test. */
    private static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("/api/settings", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/settings/follow-up", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/templates", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/preview", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/imports", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/scheduled-task", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/api/registry", Set.of(Role.ADMINISTRATOR, Role.AGENT));
        ALLOWED.put("/api/deletions", Set.of(Role.AGENT));
        ALLOWED.put("/api/individuals", Set.of(Role.INTEGRATION));
        ALLOWED.put("/api/profiles", Set.of(Role.INTEGRATION));
        ALLOWED.put("/api/schemes", Set.of(Role.INTEGRATION));
        ALLOWED.put("/api/dossiers", Set.of(Role.INTEGRATION));
        ALLOWED.put("/api/activity", Set.of(Role.INTEGRATION));
        ALLOWED.put("/engine-rest", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/camunda/api", Set.of(Role.ADMINISTRATOR));
        ALLOWED.put("/v3/api-docs", Set.of(Role.ADMINISTRATOR));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CamundaJerseyResourceConfig engineRest;

    private final HttpClient http = HttpClient.newHttpClient();

    private List<String> endpoints;

    @BeforeEach
    void enumerateEndpoints() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/v3/"))
                .forEach(found::add);
        addResources(found, "/engine-rest", engineRest.getClasses());
        addWebappResources(found, "/camunda/api/cockpit", new CockpitApplication());
        addWebappResources(found, "/camunda/api/admin", new AdminApplication());
        addWebappResources(found, "/camunda/api/tasklist", new TasklistApplication());
        addWebappResources(found, "/camunda/api/engine", new EngineRestApplication());
        addWebappResources(found, "/camunda/api/welcome", new WelcomeApplication());
        endpoints = found.stream()
                .map(path -> path.replaceAll("\\{[^}]+}", "default"))
                .toList();
    }

    @Test
    void shouldAnswer401ToEveryEndpointWhenNoCredentialsAreGiven() throws Exception {
        List<String> answeredOtherwise = new ArrayList<>();

        for (String endpoint : endpoints) {
            int status = get(endpoint, null);
            if (status != 401) {
                answeredOtherwise.add(endpoint + " -> " + status);
            }
        }

        assertThat(endpoints).hasSizeGreaterThan(50).contains("/api/settings", "/engine-rest/deployment");
        assertThat(answeredOtherwise).isEmpty();
    }

    @Test
    void shouldAnswer403ToEveryEndpointWhenTheRoleMayNotUseIt() throws Exception {
        List<String> answeredOtherwise = new ArrayList<>();

        for (String endpoint : endpoints) {
            Set<Role> allowed = allowedRoles(endpoint);
            for (Role role : Role.values()) {
                if (!allowed.contains(role)) {
                    int status = get(endpoint, role);
                    if (status != 403) {
                        answeredOtherwise.add(endpoint + " as " + role + " -> " + status);
                    }
                }
            }
        }

        assertThat(answeredOtherwise).isEmpty();
    }

    @Test
    void shouldExplainTheRefusalAsAProblemDetailWhenTheCallerIsNotLoggedInOrHasTheWrongRole() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/settings"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongRole = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/settings"))
                        .header("Authorization", basic(TestAccounts.INTEGRATION))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body())
                .contains("\"status\":401")
                .contains("Log in with the user name and password of your role (HTTP Basic)");
        assertThat(wrongRole.statusCode()).isEqualTo(403);
        assertThat(wrongRole.body()).contains("\"detail\":\"Your role may not use /api/settings\"");
    }

    @Test
    void shouldLetAnyoneReadHealthWhenNotLoggedIn() throws Exception {
        assertThat(get("/actuator/health", null)).isEqualTo(200);
    }

    private static Set<Role> allowedRoles(String endpoint) {
        return ALLOWED.entrySet().stream()
                .filter(rule -> endpoint.startsWith(rule.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No access rule for " + endpoint + "; add it to ALLOWED"));
    }

    private int get(String path, Role role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (role != null) {
            request.header("Authorization", basic(TestAccounts.valueOf(role.name())));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String basic(TestAccounts account) {
        String token = account.username + ":" + account.password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static void addWebappResources(Set<String> found, String prefix, Application application) {
        addResources(found, prefix, application.getClasses());
    }

    /** Each root resource, and each resource method or sub-resource locator one level below it. */
    private static void addResources(Set<String> found, String prefix, Set<Class<?>> classes) {
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            String rootPath = prefix + segment(root.value());
            found.add(rootPath);
            for (Method method : type.getMethods()) {
                Path below = pathOf(method);
                if (below != null) {
                    found.add((rootPath + segment(below.value())).replace("//", "/"));
                }
            }
        }
    }

    /** JAX-RS annotations sit on the interface the resource implements as often as on the class. */
    private static Path pathOf(Method method) {
        Path path = method.getAnnotation(Path.class);
        for (Class<?> contract : method.getDeclaringClass().getInterfaces()) {
            if (path != null) {
                break;
            }
            try {
                path = contract.getMethod(method.getName(), method.getParameterTypes())
                        .getAnnotation(Path.class);
            } catch (NoSuchMethodException notDeclaredThere) {
                path = null;
            }
        }
        return path;
    }

    private static String segment(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
