package org.opencrm.accountlifecycle.deletion;

import java.time.Clock;
import java.time.Instant;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualDeletedException;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.profiles.ProfileRepository;
import org.opencrm.accountlifecycle.registry.DeletionMethod;
import org.opencrm.accountlifecycle.registry.RegistryEntry;
import org.opencrm.accountlifecycle.registry.RegistryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deletion of SPEC section 4, the same for the lifecycle and for an agent: logical delete, registry entry,
 * anonymisation of the dossiers, detaching from profiles. It joins the caller's transaction (the engine's, for the
 * lifecycle), so a failure at any step leaves nothing changed.
 */
@Service
public class AccountDeletionService {

    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionService.class);

    private final IndividualRepository individuals;
    private final DossierRepository dossiers;
    private final ProfileRepository profiles;
    private final RegistryRepository registry;
    private final AnonymousParties anonymous;
    private final Clock clock;

    AccountDeletionService(
            IndividualRepository individuals,
            DossierRepository dossiers,
            ProfileRepository profiles,
            RegistryRepository registry,
            AnonymousParties anonymous,
            Clock clock) {
        this.individuals = individuals;
        this.dossiers = dossiers;
        this.profiles = profiles;
        this.registry = registry;
        this.anonymous = anonymous;
        this.clock = clock;
    }

    /** The deletion at the end of a countdown. */
    @Transactional
    public RegistryEntry deleteForInactivity(String individualId) {
        return delete(individualId, DeletionMethod.AUTOMATIC, SYSTEM, null);
    }

    private RegistryEntry delete(String individualId, DeletionMethod method, String deletedBy, String reason) {
        // the row lock makes a login, or a second deletion, wait for this one and then see it
        Individual individual = individuals
                .findByIdForUpdate(individualId)
                .filter(found -> !found.isAnonymous())
                .orElseThrow(() -> new IndividualNotFoundException(individualId));
        if (individual.isDeleted()) {
            throw new IndividualDeletedException(individualId);
        }
        Instant now = clock.instant();

        individuals.markDeleted(individualId, now);
        String anonymousId = anonymous.individualId();
        for (String profileType : dossiers.findProfileTypesOfApplicant(individualId)) {
            dossiers.replaceProfileOfApplicant(individualId, profileType, anonymous.profileId(profileType));
        }
        int asApplicant = dossiers.anonymiseAsApplicant(individualId, anonymousId);
        int asBeneficiary = dossiers.anonymiseAsBeneficiary(individualId, anonymousId);
        int profilesDetached = profiles.detachFromAllProfiles(individualId);
        RegistryEntry entry = registry.save(new RegistryEntry(
                null, individualId, now, method, deletedBy, reason, asApplicant, asBeneficiary, profilesDetached));

        log.info(
                "Individual deleted individualId={} method={} dossiersAnonymised={} beneficiaryDossiers={}"
                        + " profilesDetached={}",
                individualId,
                method,
                asApplicant,
                asBeneficiary,
                profilesDetached);
        return entry;
    }
}
