package org.opencrm.accountlifecycle.dossiers;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A case file filed for a scheme. It is kept for statistics and legal retention after its people are deleted. */
@Table("dossier")
public record Dossier(
        @Id String id,
        String schemeId,
        String applicantId,
        String beneficiaryId,
        String profileId,
        Instant createdAt,
        Instant updatedAt) {}
