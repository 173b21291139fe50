package org.opencrm.accountlifecycle.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize the largest request body taken, multipart uploads aside (they have
 *     {@code spring.servlet.multipart.*}); a larger one is answered 413 before anything reads it
 */
@Validated
@ConfigurationProperties("account-lifecycle.api")
record ApiProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {

    ApiProperties {
        if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("account-lifecycle.api.max-body-size must be positive");
        }
    }
}
