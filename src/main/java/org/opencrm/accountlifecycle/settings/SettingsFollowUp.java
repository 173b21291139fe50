package org.opencrm.accountlifecycle.settings;

/**
 * What a listener did about a saved change of settings.
 *
 * @param countdownsChanged how many running countdowns were changed in the change's own transaction
 * @param continuesInBackground whether more work follows after the commit (enrolling or realigning every countdown),
 *     whose progress {@code GET /api/settings/follow-up} shows
 */
public record SettingsFollowUp(int countdownsChanged, boolean continuesInBackground) {

    public static final SettingsFollowUp NONE = new SettingsFollowUp(0, false);
}
