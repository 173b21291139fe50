package org.opencrm.accountlifecycle.individuals;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person known to the CRM, who may hold a portal account. Deletion is logical: the row stays with {@code deletedAt}
 * set. The Anonymous individual carries an {@code anonymousKey} and never enters the lifecycle.
 */
@Table("individual")
public record Individual(
        @Id String id,
        String firstName,
        String lastName,
        String email,
        Instant createdAt,
        Instant lastLoginAt,
        Instant deletedAt,
        String anonymousKey) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isAnonymous() {
        return anonymousKey != null;
    }
}
