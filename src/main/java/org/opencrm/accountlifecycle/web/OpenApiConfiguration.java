package org.opencrm.accountlifecycle.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description served at {@code /v3/api-docs} and drawn by the Swagger UI, both behind the administrator login. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basic";

    private static final String DESCRIPTION = "Settings, mail templates, CRM data, activity, manual deletion,"
            + " registry, preview and import of the automatic deletion of unused citizen accounts. Errors are"
            + " RFC 9457 problem details; `field` names the field at fault.";

    @Bean
    OpenAPI accountLifecycleApi() {
        return new OpenAPI()
                .info(new Info().title("account-lifecycle").version("1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
