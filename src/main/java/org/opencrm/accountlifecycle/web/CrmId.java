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
 * An id of CRM data: 1 to 64 letters, digits or {@code . _ : -}, so that it is safe in a URL path and as the business
 * key of a lifecycle. Null is valid: absent on create means "generate one".
 */
@Pattern(regexp = "[A-Za-z0-9._:-]{1,64}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CrmId {

    String message() default "must be 1 to 64 letters, digits or . _ : -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
