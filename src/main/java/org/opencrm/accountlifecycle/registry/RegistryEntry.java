package org.opencrm.accountlifecycle.registry;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The trace of one deleted individual: who (by id only), when, how, by whom, and what the deletion changed.
 *
 * @param deletedBy {@code system} for automatic deletions, the agent otherwise
 * @param dossiersAnonymised dossiers where the individual was the applicant
 * @param beneficiaryDossiers dossiers where the individual was only the beneficiary
 * @param profilesDetached profiles the individual was a member of
 */
@Table("registry_entry")
public record RegistryEntry(
        @Id Long id,
        String individualId,
        Instant deletedAt,
        DeletionMethod method,
        String deletedBy,
        String reason,
        int dossiersAnonymised,
        int beneficiaryDossiers,
        int profilesDetached) {}
