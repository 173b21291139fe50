package org.opencrm.accountlifecycle.importer;

/**
 * What one import wrote: the data lines of each file, each now a row, and the individuals whose lifecycle it started
 * (none while the mechanism is disabled).
 */
public record ImportReport(int individuals, int profiles, int memberships, int schemes, int dossiers, int enrolled) {}
