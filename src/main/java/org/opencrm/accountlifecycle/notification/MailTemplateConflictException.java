package org.opencrm.accountlifecycle.notification;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A template id already taken, or a template the settings still use. */
class MailTemplateConflictException extends ApiProblem {

    MailTemplateConflictException(String field, String detail) {
        super(HttpStatus.CONFLICT, field, detail);
    }
}
