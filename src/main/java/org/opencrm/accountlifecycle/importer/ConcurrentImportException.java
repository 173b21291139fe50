package org.opencrm.accountlifecycle.importer;

import org.opencrm.accountlifecycle.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Another import, or another writer, took some of the same ids while this import ran: its own check had found them
 * free, and the database refused the rows at the commit. The whole import rolled back; sent again, it is checked
 * against what the other one wrote.
 */
class ConcurrentImportException extends ApiProblem {

    ConcurrentImportException(Throwable cause) {
        super(
                HttpStatus.CONFLICT,
                null,
                "Another import wrote some of the same ids at the same time; nothing from these files was kept."
                        + " Send them again once the other import has finished",
                cause);
    }
}
