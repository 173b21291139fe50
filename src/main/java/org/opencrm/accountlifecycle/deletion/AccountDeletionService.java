package org.opencrm.accountlifecycle.deletion;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.engine.ConflictRetry;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
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
    private final LifecycleService lifecycle;
    private final Clock clock;
    private final ProductMetrics metrics;
    private final ConflictRetry conflicts;

    AccountDeletionService(
            IndividualRepository individuals,
            DossierRepository dossiers,
            ProfileRepository profiles,
            RegistryRepository registry,
            AnonymousParties anonymous,
            LifecycleService lifecycle,
            Clock clock,
            ProductMetrics metrics,
            ConflictRetry conflicts) {
        this.individuals = individuals;
        this.dossiers = dossiers;
        this.profiles = profiles;
        this.registry = registry;
        this.anonymous = anonymous;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.metrics = metrics;
        this.conflicts = conflicts;
    }

    /**
     * The deletion at the end of a countdown.
     *
     * @return the registry entry, or nothing when the individual was deleted meanwhile (by an agent, whose deletion
     *     also ended the lifecycle): a countdown that still ran then has nothing left to do
     */
    @Transactional
    public Optional<RegistryEntry> deleteForInactivity(String individualId) {
        Individual individual = lockForDeletion(individualId);
        if (individual.isDeleted()) {
            log.info("Deletion skipped, already deleted individualId={}", individualId);
            return Optional.empty();
        }
        return Optional.of(delete(individual, DeletionMethod.AUTOMATIC, SYSTEM, null));
    }

    /**
     * The deletion by an agent: the same deletion, marked manual with the agent and the reason, and the end of the
     * individual's lifecycle, whose engine then sends the deletion mail. All in one transaction: a refusal or a
     * failure changes nothing. A conflict with the lifecycle (its timer firing at that moment) is retried.
     *
     * @throws IndividualNotFoundException no such individual
     * @throws AlreadyDeletedException the individual is deleted already
     * @throws AnonymousIndividualException the individual is the Anonymous individual
     */
    public RegistryEntry deleteByAgent(String individualId, String agent, String reason) {
        return conflicts.run("agent deletion", individualId, () -> deleteByAgentOnce(individualId, agent, reason));
    }

    private RegistryEntry deleteByAgentOnce(String individualId, String agent, String reason) {
        Individual individual = lockForDeletion(individualId);
        if (individual.isDeleted()) {
            throw new AlreadyDeletedException(individual);
        }

        RegistryEntry entry = delete(individual, DeletionMethod.MANUAL, agent, reason);
        lifecycle.endAfterManualDeletion(individualId);
        return entry;
    }

    /** The row lock makes a login, or a second deletion, wait for this one and then see it. */
    private Individual lockForDeletion(String individualId) {
        Individual individual = individuals
                .findByIdForUpdate(individualId)
                .orElseThrow(() -> new IndividualNotFoundException(individualId, "individualId"));
        if (individual.isAnonymous()) {
            throw new AnonymousIndividualException(individualId);
        }
        return individual;
    }

    private RegistryEntry delete(Individual individual, DeletionMethod method, String deletedBy, String reason) {
        String individualId = individual.id();
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
        metrics.deleted(method.name());

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
