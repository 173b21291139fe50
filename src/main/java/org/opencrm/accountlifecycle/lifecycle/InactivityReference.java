package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.springframework.stereotype.Component;

/** Finds when an individual's inactivity started, as the chosen inactivity definition sees it (SPEC section 4). */
@Component
class InactivityReference {

    private final IndividualRepository individuals;
    private final DossierRepository dossiers;

    InactivityReference(IndividualRepository individuals, DossierRepository dossiers) {
        this.individuals = individuals;
        this.dossiers = dossiers;
    }

    /**
     * The latest activity that counts, or the account's creation when there is none. Activity dated before the
     * account's creation (dossiers imported from an older system) does not move the start before the creation.
     */
    Instant of(String individualId, InactivityMode mode) {
        Individual individual =
                individuals.findById(individualId).orElseThrow(() -> new IndividualNotFoundException(individualId));
        Instant activity = switch (mode) {
            case NO_LOGIN -> individual.lastLoginAt();
            case NO_RECENT_DOSSIER ->
                dossiers.findLatestActivityAsApplicant(individualId).orElse(null);
        };
        return activity != null && activity.isAfter(individual.createdAt()) ? activity : individual.createdAt();
    }
}
