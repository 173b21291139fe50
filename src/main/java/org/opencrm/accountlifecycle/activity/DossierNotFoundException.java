package org.opencrm.accountlifecycle.activity;

public class DossierNotFoundException extends RuntimeException {

    public DossierNotFoundException(String dossierId) {
        super("No dossier with id '" + dossierId + "'");
    }
}
