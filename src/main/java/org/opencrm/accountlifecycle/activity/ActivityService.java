package org.opencrm.accountlifecycle.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencrm.accountlifecycle.dossiers.Dossier;
import org.opencrm.accountlifecycle.dossiers.DossierNotFoundException;
import org.opencrm.accountlifecycle.dossiers.DossierReferences;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.engine.ConflictRetry;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualDeletedException;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.ActivityDay;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.metrics.ProductMetrics;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.web.DuplicateIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;

/**
 * The one way activity enters the product: it is written to the CRM data and, when it counts for the chosen
 * inactivity definition, restarts the individual's countdown in the same transaction.
 */
@Service
public class ActivityService {

    private static final Logger log = LoggerFactory.getLogger(ActivityService.class);

    private final IndividualRepository individuals;
    private final DossierRepository dossiers;
    private final DossierReferences references;
    private final JdbcAggregateTemplate aggregates;
    private final LifecycleService lifecycle;
    private final Clock clock;
    private final ProductMetrics metrics;
    private final ConflictRetry conflicts;

    ActivityService(
            IndividualRepository individuals,
            DossierRepository dossiers,
            DossierReferences references,
            JdbcAggregateTemplate aggregates,
            LifecycleService lifecycle,
            Clock clock,
            ProductMetrics metrics,
            ConflictRetry conflicts) {
        this.individuals = individuals;
        this.dossiers = dossiers;
        this.references = references;
        this.aggregates = aggregates;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.metrics = metrics;
        this.conflicts = conflicts;
    }

    /**
     * A login to the portal. A deleted individual cannot log in. The login never fails because the lifecycle moved at
     * the same moment: a conflict with a timer or another login is retried ({@link ConflictRetry}).
     */
    public void recordLogin(String individualId) {
        conflicts.run("login", individualId, () -> {
            loginOnce(individualId);
            return null;
        });
    }

    private void loginOnce(String individualId) {
        Instant now = clock.instant();
        ActivityDay today = lifecycle.activityDayOf(now);
        // Most logins follow another one the same day, whose countdown, counted in whole days, is already what this one
        // would give: one statement, and neither the settings, the enrolment nor the engine are read.
        if (individuals.recordLoginWithinDay(individualId, now, today.opensAfter(), today.endsAt()) == 1) {
            metrics.activity("login");
            return;
        }
        // the update waits for a deletion that holds the row, then finds it deleted
        if (individuals.recordLogin(individualId, now) == 0) {
            throw refusal(individualId);
        }
        countActivity(individualId, InactivityMode.NO_LOGIN, now);
    }

    /** A new dossier, filed now by its applicant; a conflict with the lifecycle is retried. */
    public Dossier fileDossier(NewDossier request) {
        return conflicts.run("file dossier", request.applicantId(), () -> fileOnce(request));
    }

    private Dossier fileOnce(NewDossier request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        if (dossiers.existsById(id)) {
            throw new DuplicateIdException("dossier", id);
        }
        lockIndividual(request.applicantId());
        references.check(request.schemeId(), request.applicantId(), request.beneficiaryId(), request.profileId());
        Instant now = clock.instant();
        Dossier dossier = aggregates.insert(new Dossier(
                id, request.schemeId(), request.applicantId(), request.beneficiaryId(), request.profileId(), now, now));

        countActivity(dossier.applicantId(), InactivityMode.NO_RECENT_DOSSIER, now);
        return dossier;
    }

    /**
     * A change of a dossier's scheme, beneficiary or profile. The applicant stays: the dossier is theirs, and the
     * change counts as their recent activity. A conflict with the lifecycle is retried.
     */
    public Dossier changeDossier(String dossierId, DossierChange change) {
        return conflicts.run("change dossier", dossierId, () -> changeOnce(dossierId, change));
    }

    private Dossier changeOnce(String dossierId, DossierChange change) {
        Dossier current = findWithActiveApplicant(dossierId, () -> new DossierNotFoundException(dossierId));
        references.check(change.schemeId(), current.applicantId(), change.beneficiaryId(), change.profileId());

        return touch(new Dossier(
                current.id(),
                change.schemeId(),
                current.applicantId(),
                change.beneficiaryId(),
                change.profileId(),
                current.createdAt(),
                current.updatedAt()));
    }

    /**
     * An update of a dossier by its applicant, reported by the portal, which counts as recent activity. A conflict with
     * the lifecycle is retried.
     */
    public Dossier updateDossier(String dossierId) {
        return conflicts.run(
                "update dossier",
                dossierId,
                () -> touch(findWithActiveApplicant(
                        dossierId, () -> new DossierNotFoundException(dossierId, "dossierId"))));
    }

    /** @param notFound the answer when there is no such dossier, naming the field that gave its id, if any */
    private Dossier findWithActiveApplicant(String dossierId, Supplier<DossierNotFoundException> notFound) {
        Dossier dossier = dossiers.findById(dossierId).orElseThrow(notFound);
        // after a deletion the applicant is the Anonymous individual, which has no account to be active with
        if (lockIndividual(dossier.applicantId())
                .filter(applicant -> !applicant.isDeleted() && !applicant.isAnonymous())
                .isEmpty()) {
            throw new DossierOfDeletedApplicantException(dossierId);
        }
        return dossier;
    }

    /**
     * Locks the applicant's row before the dossier's, as a login locks it by writing it and as a deletion does: a
     * deletion or a notice step under way finishes first, and then sees this activity, or this activity sees it.
     */
    private Optional<Individual> lockIndividual(String individualId) {
        return individualId == null ? Optional.empty() : individuals.findByIdForUpdate(individualId);
    }

    private Dossier touch(Dossier dossier) {
        Dossier updated = aggregates.update(new Dossier(
                dossier.id(),
                dossier.schemeId(),
                dossier.applicantId(),
                dossier.beneficiaryId(),
                dossier.profileId(),
                dossier.createdAt(),
                clock.instant()));

        countActivity(updated.applicantId(), InactivityMode.NO_RECENT_DOSSIER, updated.updatedAt());
        return updated;
    }

    private void countActivity(String individualId, InactivityMode activityKind, Instant at) {
        metrics.activity(activityKind == InactivityMode.NO_LOGIN ? "login" : "dossier");
        lifecycle.activityRecorded(individualId, activityKind, at);
    }

    private RuntimeException refusal(String individualId) {
        return individuals
                .findById(individualId)
                .filter(Individual::isDeleted)
                .<RuntimeException>map(deleted -> new IndividualDeletedException(individualId, "individualId"))
                .orElseGet(() -> new IndividualNotFoundException(individualId, "individualId"));
    }

    /** @param id the CRM's id, or null for a generated one */
    public record NewDossier(String id, String schemeId, String applicantId, String beneficiaryId, String profileId) {}

    public record DossierChange(String schemeId, String beneficiaryId, String profileId) {}
}
