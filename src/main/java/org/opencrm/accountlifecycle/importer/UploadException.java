package org.opencrm.accountlifecycle.importer;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An upload whose parts are not the files of an import. */
class UploadException extends ApiProblem {

    UploadException(String part, String detail) {
        super(HttpStatus.BAD_REQUEST, part, detail);
    }
}
