package org.opencrm.accountlifecycle.settings;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A settings change that breaks a business rule; the {@code field} property names the setting at fault. */
public class InvalidSettingsException extends ApiProblem {

    public InvalidSettingsException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field, message);
    }
}
