package org.opencrm.accountlifecycle.individuals;

import java.time.Clock;
import java.util.UUID;
import org.opencrm.accountlifecycle.lifecycle.LifecycleService;
import org.opencrm.accountlifecycle.web.DuplicateIdException;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The individuals of the CRM as the API shows them: deleted individuals and the Anonymous individual are never found.
 * A new individual enters the lifecycle at once; a change of names or address is no activity and restarts nothing.
 */
@Service
class IndividualService {

    private final IndividualRepository individuals;
    private final LifecycleService lifecycle;
    private final Clock clock;

    IndividualService(IndividualRepository individuals, LifecycleService lifecycle, Clock clock) {
        this.individuals = individuals;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** @param id the CRM's id, or null for a generated one */
    @Transactional
    Individual create(String id, String firstName, String lastName, String email) {
        String newId = id != null ? id : UUID.randomUUID().toString();
        if (individuals.existsById(newId)) {
            throw new DuplicateIdException("individual", newId);
        }
        try {
            individuals.insert(newId, firstName, lastName, email, clock.instant());
        } catch (DuplicateKeyException createdMeanwhile) {
            throw new DuplicateIdException("individual", newId);
        }

        lifecycle.enrol(newId);
        return find(newId);
    }

    Individual find(String id) {
        return individuals.findActiveById(id).orElseThrow(() -> new IndividualNotFoundException(id));
    }

    @Transactional
    Individual change(String id, String firstName, String lastName, String email) {
        if (individuals.updateContact(id, firstName, lastName, email) == 0) {
            throw new IndividualNotFoundException(id);
        }
        return find(id);
    }

    Paged<Individual> list(PageQuery query) {
        return query.answer(individuals.countActive(), individuals.findActivePage(query.size(), query.offset()));
    }
}
