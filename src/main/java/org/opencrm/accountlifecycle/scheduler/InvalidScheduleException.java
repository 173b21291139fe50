package org.opencrm.accountlifecycle.scheduler;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

class InvalidScheduleException extends ApiProblem {

    InvalidScheduleException(String detail) {
        super(HttpStatus.BAD_REQUEST, "cron", detail);
    }
}
