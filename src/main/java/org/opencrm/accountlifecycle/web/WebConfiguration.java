package org.opencrm.accountlifecycle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class WebConfiguration {

    /**
     * Next after the character encoding filter, so that an oversized body is refused before anything, security
     * included, reads it.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ApiProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Every JSON string is held to {@link StorableText}'s rule. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer storableTextOnly() {
        return builder -> builder.deserializerByType(String.class, new StorableStringDeserializer());
    }

    /** A query or form parameter is held to {@link StorableText}'s rule before anything reads it. */
    @Bean
    FilterRegistrationBean<StorableParametersFilter> storableParameters(ObjectMapper json) {
        FilterRegistrationBean<StorableParametersFilter> registration =
                new FilterRegistrationBean<>(new StorableParametersFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * A number or a boolean where the API expects text (an id, a name) is refused like any other wrong type, rather
     * than silently turned into text: {@code "id": 12345} is a client's mistake, not the id "12345".
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer textOnlyFromText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
