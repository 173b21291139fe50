package org.opencrm.accountlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the tests: a real server on a random port (Camunda's REST API and webapp are
 * servlets outside MockMvc's reach), MockMvc for the product's own API, metrics exported as in production, the
 * "test" profile, and the test helpers {@link EngineTime} and {@link TestData} as beans. Every test class uses it,
 * so the context starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import({EngineTime.class, TestData.class})
public @interface AccountLifecycleTest {}
