package org.opencrm.accountlifecycle.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mail address a citizen can be reached at and the mailer will take: see {@link MailAddressValidator}. The API and
 * the CSV import apply this same rule. Null is valid; combine with {@code @NotBlank}.
 */
@Constraint(validatedBy = MailAddressValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

    /** The longest address an SMTP path carries (RFC 5321). */
    int MAX_LENGTH = 254;

    String message() default "must be a mail address such as jeanne.martin@example.org";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
