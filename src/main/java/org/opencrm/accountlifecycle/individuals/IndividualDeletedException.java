package org.opencrm.accountlifecycle.individuals;

/** The individual was deleted: the account can no longer be used, nor deleted a second time. */
public class IndividualDeletedException extends RuntimeException {

    public IndividualDeletedException(String individualId) {
        super("Individual '" + individualId + "' is deleted; the account can no longer be used");
    }
}
