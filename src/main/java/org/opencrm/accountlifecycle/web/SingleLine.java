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
 * Text without control characters (CR, LF, tab, NUL, ...) nor Unicode line or paragraph separators. Names end up in
 * mail headers and in CSV exports, where a line break could start a header or a record of its own. Null is valid.
 */
@Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must not contain line breaks, tabs or other control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
