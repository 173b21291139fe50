package org.opencrm.accountlifecycle.registry;

public enum DeletionMethod {
    /** By the lifecycle, after the deletion delay without activity. */
    AUTOMATIC,
    /** By an agent in the CRM. */
    MANUAL
}
