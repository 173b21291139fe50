package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.settings.InactivityMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds when an individual's inactivity started, as the chosen inactivity definition sees it (SPEC section 4). */
@Component
class InactivityReference {

    private final JdbcClient jdbc;

    InactivityReference(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest activity that counts, or the account's creation when there is none. Activity dated before the
     * account's creation (dossiers imported from an older system) does not move the start before the creation.
     */
    Instant of(String individualId, InactivityMode mode) {
        Instant start = ofAll(List.of(individualId), mode).get(individualId);
        if (start == null) {
            throw new IndividualNotFoundException(individualId);
        }
        return start;
    }

    /**
     * {@link #of} for a whole page of individuals in one query.
     *
     * @return the start of inactivity by individual id; an id unknown to the CRM has no entry
     */
    Map<String, Instant> ofAll(Collection<String> individualIds, InactivityMode mode) {
        String activity = switch (mode) {
            case NO_LOGIN -> "i.last_login_at";
            case NO_RECENT_DOSSIER -> "(SELECT MAX(d.updated_at) FROM dossier d WHERE d.applicant_id = i.id)";
        };
        Map<String, Instant> references = new HashMap<>();
        jdbc.sql("SELECT i.id, i.created_at, " + activity + " AS activity FROM individual i WHERE i.id IN (:ids)")
                .param("ids", individualIds)
                .query((row, number) -> {
                    Instant created =
                            row.getObject("created_at", OffsetDateTime.class).toInstant();
                    OffsetDateTime latest = row.getObject("activity", OffsetDateTime.class);
                    references.put(
                            row.getString("id"),
                            latest != null && latest.toInstant().isAfter(created) ? latest.toInstant() : created);
                    return null;
                })
                .list();
        return references;
    }
}
