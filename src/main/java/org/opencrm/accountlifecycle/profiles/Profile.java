package org.opencrm.accountlifecycle.profiles;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A household, an organisation, ... that individuals are members of. Profiles outlive their members. */
@Table("profile")
public record Profile(@Id String id, String profileType, String name, String anonymousKey) {

    public boolean isAnonymous() {
        return anonymousKey != null;
    }
}
