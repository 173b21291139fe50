package org.opencrm.accountlifecycle.notification;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

class MailTemplateNotFoundException extends ApiProblem {

    MailTemplateNotFoundException(String templateId) {
        super(HttpStatus.NOT_FOUND, "No mail template with id '" + templateId + "'");
    }
}
