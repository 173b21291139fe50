package org.opencrm.accountlifecycle.scheduler;

enum RunOutcome {
    SUCCEEDED,
    FAILED,
    /** The task was deactivated: the run did nothing. */
    SKIPPED
}
