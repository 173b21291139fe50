package org.opencrm.accountlifecycle.dossiers;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A public programme. Its dossiers carry a profile of {@code profileType}, or none when that is null. */
@Table("scheme")
public record Scheme(@Id String id, String name, String profileType) {

    public boolean carriesProfile() {
        return profileType != null;
    }
}
