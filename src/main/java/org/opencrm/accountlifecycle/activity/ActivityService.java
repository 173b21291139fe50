package org.opencrm.accountlifecycle.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.accountlifecycle.dossiers.Dossier;
import org.opencrm.accountlifecycle.dossiers.DossierRepository;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualDeletedException;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way activity enters the product: it is written to the CRM data and, when it counts for the chosen
 * inactivity definition, restarts the individual's countdown in the same transaction.
 */
@Service
public class ActivityService {

    private final IndividualRepository individuals;
    private final DossierRepository dossiers;
    private final JdbcAggregateTemplate aggregates;
    private final SettingsService settings;
    private final LifecycleService lifecycle;
    private final Clock clock;

    ActivityService(
            IndividualRepository individuals,
            DossierRepository dossiers,
            JdbcAggregateTemplate aggregates,
            SettingsService settings,
            LifecycleService lifecycle,
            Clock clock) {
        this.individuals = individuals;
        this.dossiers = dossiers;
        this.aggregates = aggregates;
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** A login to the portal. A deleted individual cannot log in. */
    @Transactional
    public void recordLogin(String individualId) {
        // the update waits for a deletion that holds the row, then finds it deleted
        if (individuals.recordLogin(individualId, clock.instant()) == 0) {
            throw refusal(individualId);
        }
        countActivity(individualId, InactivityMode.NO_LOGIN);
    }

    /** A new dossier, filed now. */
    @Transactional
    public Dossier fileDossier(NewDossier request) {
        requireActive(request.applicantId());
        requireActive(request.beneficiaryId());
        Instant now = clock.instant();
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Dossier dossier = aggregates.insert(new Dossier(
                id, request.schemeId(), request.applicantId(), request.beneficiaryId(), request.profileId(), now, now));

        countActivity(dossier.applicantId(), InactivityMode.NO_RECENT_DOSSIER);
        return dossier;
    }

    /** An update of a dossier by its applicant, which counts as recent activity like a new one. */
    @Transactional
    public Dossier updateDossier(String dossierId) {
        Dossier current = dossiers.findById(dossierId).orElseThrow(() -> new DossierNotFoundException(dossierId));
        requireActive(current.applicantId());
        Dossier updated = aggregates.update(new Dossier(
                current.id(),
                current.schemeId(),
                current.applicantId(),
                current.beneficiaryId(),
                current.profileId(),
                current.createdAt(),
                clock.instant()));

        countActivity(updated.applicantId(), InactivityMode.NO_RECENT_DOSSIER);
        return updated;
    }

    private void countActivity(String individualId, InactivityMode activityKind) {
        if (!lifecycle.enrol(individualId) && settings.current().inactivityMode() == activityKind) {
            lifecycle.restartCountdown(individualId);
        }
    }

    private void requireActive(String individualId) {
        if (individuals.findActiveById(individualId).isEmpty()) {
            throw refusal(individualId);
        }
    }

    private RuntimeException refusal(String individualId) {
        return individuals
                .findById(individualId)
                .filter(Individual::isDeleted)
                .<RuntimeException>map(deleted -> new IndividualDeletedException(individualId))
                .orElseGet(() -> new IndividualNotFoundException(individualId));
    }

    public record NewDossier(String id, String schemeId, String applicantId, String beneficiaryId, String profileId) {}
}
