package org.opencrm.accountlifecycle.settings;

/** What counts as activity, and so what restarts an account's countdown. */
public enum InactivityMode {
    /** A login to the portal; an account that never logged in counts from its creation. */
    NO_LOGIN,
    /** A dossier filed or updated as applicant; with none, the account counts from its creation. */
    NO_RECENT_DOSSIER
}
