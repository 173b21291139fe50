package org.opencrm.accountlifecycle.profiles;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A type of profile ({@code HOUSEHOLD}, {@code ORGANISATION}, ...), as profiles carry it and schemes require it. */
@Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProfileType {

    String message() default "must be an upper-case letter then up to 39 upper-case letters, digits or _";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
