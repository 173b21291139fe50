package org.opencrm.accountlifecycle.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mail address a citizen can be reached at: one {@code @}, no blanks, a dot in the domain. The API and the CSV
 * import apply this same rule. Null is valid; combine with {@code @NotBlank}.
 */
@Pattern(regexp = MailAddress.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

    String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    int MAX_LENGTH = 320;

    String message() default "must be a mail address such as jeanne.martin@example.org";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
