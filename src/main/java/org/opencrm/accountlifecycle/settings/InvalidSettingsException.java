package org.opencrm.accountlifecycle.settings;

/** A settings change that breaks a business rule; {@code field} names the setting at fault. */
public class InvalidSettingsException extends RuntimeException {

    private final String field;

    public InvalidSettingsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
