package org.opencrm.accountlifecycle.settings;

/** Tells whether a mail template exists, so that settings never point at a missing one. */
public interface TemplateCatalogue {

    boolean exists(String templateId);
}
