package org.opencrm.accountlifecycle.web;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers malformed requests with an RFC 9457 problem detail that names the field at fault, and a body that passed the
 * size limit while it was read with 413. Refusals of the features
 * themselves are {@link ApiProblem}s, which Spring MVC answers on its own.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the validator reports violations in no particular order; sorted, the same input always gets the same answer
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField)
                        .thenComparing(FieldError::getDefaultMessage, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        String detail = errors.stream()
                .map(error -> error.getField() + ": " + messageOf(error))
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(fieldProblem(errors.get(0).getField(), detail));
    }

    /**
     * A violated constraint says what it wants; a query parameter that did not even convert ({@code ?page=first}) would
     * otherwise be described with Java's type names.
     */
    private static String messageOf(FieldError error) {
        if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            return "the value '" + error.getRejectedValue() + "' "
                    + expectation(mismatch.getRequiredType(), error.getRejectedValue());
        }
        return error.getDefaultMessage();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
            }
        }
        return ResponseEntity.badRequest().body(unreadableBody(e));
    }

    /**
     * Names the field when the body is JSON but one of its values does not fit. Jackson puts the field's path on the
     * outermost exception, which may wrap the actual failure (a number too large for its type, for instance).
     */
    private static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        Throwable failure = e.getMostSpecificCause();
        boolean malformed = failure instanceof StreamReadException && !(failure instanceof InputCoercionException);
        if (!malformed
                && e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (failure instanceof StorableStringDeserializer.UnstorableTextException) {
                return fieldProblem(field, field + ": " + StorableText.RULE);
            }
            if (failure instanceof UnrecognizedPropertyException unknown) {
                return fieldProblem(field, field + ": unknown field; the fields are " + unknown.getKnownPropertyIds());
            }
            String value = failure instanceof InvalidFormatException invalid ? " '" + invalid.getValue() + "'" : "";
            return fieldProblem(field, field + ": the value" + value + " " + expectation(failure));
        }
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or is not well-formed JSON");
    }

    /** A query parameter that does not convert, such as {@code ?method=SOMETIMES} or {@code ?page=first}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName();
        String detail = name + ": the value '" + e.getValue() + "' " + expectation(e.getRequiredType(), e.getValue());
        return ResponseEntity.badRequest().body(fieldProblem(name, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getParameterName();
        return ResponseEntity.badRequest().body(fieldProblem(name, name + ": is required"));
    }

    /** Constraints on query parameters ({@code @Max(500) int size}), reported like those of a body. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> violations.add(new Violation(name, error.getDefaultMessage())));
        }
        if (violations.isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid"));
        }
        violations.sort(Comparator.comparing(Violation::parameter)
                .thenComparing(Violation::message, Comparator.nullsFirst(Comparator.naturalOrder())));
        String detail = violations.stream()
                .map(violation -> violation.parameter() + ": " + violation.message())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(fieldProblem(violations.get(0).parameter(), detail));
    }

    private record Violation(String parameter, String message) {}

    /** What the field expects, in the words of the person who filled the form rather than of Java types. */
    private static String expectation(Throwable failure) {
        if (failure instanceof InputCoercionException) {
            return "is out of range";
        }

        return expectation(failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
    }

    /** A number whose digits are fine but too many for the field is out of range, not "not a whole number". */
    private static String expectation(Class<?> type, Object value) {
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        if (whole && value instanceof String text && text.matches("-?[0-9]+")) {
            return "is out of range";
        }
        return expectation(type);
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "is not of the expected type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "is not of the expected type";
    }

    private static ProblemDetail fieldProblem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("field", field);
        return problem;
    }
}
