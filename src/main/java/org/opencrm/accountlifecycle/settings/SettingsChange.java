package org.opencrm.accountlifecycle.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What an administrator submits. Every field is required, so that a forgotten field never silently resets a setting.
 * The upper bound keeps delays within what a date can hold (about 100 years).
 */
public record SettingsChange(
        @NotNull @Min(1) @Max(MAX_DAYS) Integer noticeDelayDays,
        @NotNull @Min(2) @Max(MAX_DAYS) Integer deletionDelayDays,
        @NotNull InactivityMode inactivityMode,
        @NotNull Boolean enabled,
        @NotBlank String noticeTemplateId,
        @NotBlank String deletionTemplateId) {

    static final int MAX_DAYS = 36_500;
}
