package org.opencrm.accountlifecycle.notification;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A template that cannot be saved; {@code field} is {@code subject} or {@code body}, and {@code line} and
 * {@code column}, counted from 1, say where the fault lies when it is known.
 */
class InvalidTemplateException extends ApiProblem {

    InvalidTemplateException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, field, detail);
    }

    InvalidTemplateException(String field, TemplateValidator.Position position, String problem) {
        super(HttpStatus.BAD_REQUEST, field, field + " " + position + ": " + problem);
        getBody().setProperty("line", position.line());
        if (position.column() > 0) {
            getBody().setProperty("column", position.column());
        }
    }
}
