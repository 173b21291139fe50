package org.opencrm.accountlifecycle.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint needs a login: the product's API per role, and Camunda's REST API and webapp for the administrator
 * only. Camunda then trusts the login Spring Security made (container-based authentication), and the engine's own
 * authorization checks apply on top, so that an account outside {@code camunda-admin} can neither deploy nor delete.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Callers of these answer 401 rather than a redirect to the login page. */
    private static final RequestMatcher MACHINE_ENDPOINTS = new OrRequestMatcher(
            antMatcher("/api/**"), antMatcher("/engine-rest/**"), antMatcher("/camunda/api/**"), antMatcher("/v3/**"));

    /** After Spring Security's filter chain (order -100), so that Camunda sees the authenticated user. */
    private static final int AFTER_SPRING_SECURITY = 101;

    private static final int BCRYPT_MIN_COST = 4;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAnswers problems = new ProblemAnswers(json);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/login", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/api/settings/**",
                                "/api/templates/**",
                                "/api/preview/**",
                                "/api/imports/**",
                                "/api/scheduled-task/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .requestMatchers("/api/registry/**", "/api/registry.csv")
                        .hasAnyRole(Role.ADMINISTRATOR.name(), Role.AGENT.name())
                        .requestMatchers("/api/deletions/**")
                        .hasRole(Role.AGENT.name())
                        .requestMatchers(
                                "/api/individuals/**",
                                "/api/profiles/**",
                                "/api/schemes/**",
                                "/api/dossiers/**",
                                "/api/activity/**")
                        .hasRole(Role.INTEGRATION.name())
                        .anyRequest()
                        .hasRole(Role.ADMINISTRATOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .formLogin(Customizer.withDefaults())
                .exceptionHandling(
                        errors -> errors.defaultAuthenticationEntryPointFor(problems.unauthorized(), MACHINE_ENDPOINTS)
                                .defaultAccessDeniedHandlerFor(problems.forbidden(), MACHINE_ENDPOINTS)
                                .defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
                // the API is called with HTTP Basic, without a session to forge; the Camunda webapp has its own
                // CSRF protection on /camunda/api
                .csrf(csrf -> csrf.ignoringRequestMatchers(MACHINE_ENDPOINTS))
                .build();
    }

    /**
     * The hashes exist only in memory, next to the configuration that holds the passwords themselves, so a slow hash
     * would protect nothing while costing every API call (HTTP Basic checks the password on each request). The
     * lowest BCrypt cost keeps the comparison constant-time and the check at about a millisecond.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_MIN_COST);
    }

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(
                user(properties.administrator(), Role.ADMINISTRATOR, encoder),
                user(properties.agent(), Role.AGENT, encoder),
                user(properties.integration(), Role.INTEGRATION, encoder));
    }

    private static UserDetails user(SecurityProperties.Account account, Role role, PasswordEncoder encoder) {
        return User.withUsername(account.username())
                .password(encoder.encode(account.password()))
                .roles(role.name())
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(
                Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(
                Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
