package org.opencrm.accountlifecycle.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that knows its answer: Spring MVC turns it into an RFC 9457 problem detail with this status and detail,
 * and a {@code field} property when the refusal is about one field. Features extend it for their own refusals.
 */
public abstract class ApiProblem extends ErrorResponseException {

    protected ApiProblem(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    protected ApiProblem(HttpStatus status, String field, String detail) {
        this(status, field, detail, null);
    }

    protected ApiProblem(HttpStatus status, String field, String detail, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        if (field != null) {
            getBody().setProperty("field", field);
        }
    }

    /** The detail alone, readable in logs and assertions. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
