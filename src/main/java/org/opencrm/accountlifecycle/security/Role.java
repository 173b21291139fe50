package org.opencrm.accountlifecycle.security;

/** The three kinds of callers of the product. */
public enum Role {
    /** The functional administrator: settings, templates, registry, preview, import, Cockpit. */
    ADMINISTRATOR,
    /** A CRM agent: manual deletion and reading the registry. */
    AGENT,
    /** The CRM and the portal: CRM data and activity events. */
    INTEGRATION
}
