package org.opencrm.accountlifecycle.individuals;

/** No individual with that id, or one the CRM no longer shows (deleted, Anonymous). */
public class IndividualNotFoundException extends RuntimeException {

    public IndividualNotFoundException(String individualId) {
        super("No individual with id '" + individualId + "'");
    }
}
