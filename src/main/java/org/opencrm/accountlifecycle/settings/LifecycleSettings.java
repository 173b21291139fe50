package org.opencrm.accountlifecycle.settings;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The settings of "CRM > Administration > Data deletion"; a single row. */
@Table("lifecycle_settings")
public record LifecycleSettings(
        @Id Integer id,
        int noticeDelayDays,
        int deletionDelayDays,
        InactivityMode inactivityMode,
        boolean enabled,
        String noticeTemplateId,
        String deletionTemplateId) {

    static final int SINGLE_ROW_ID = 1;

    /** Days between the notice and the deletion: the grace period a warned person always gets in full. */
    public int graceDays() {
        return deletionDelayDays - noticeDelayDays;
    }

    public boolean timingDiffersFrom(LifecycleSettings other) {
        return noticeDelayDays != other.noticeDelayDays
                || deletionDelayDays != other.deletionDelayDays
                || inactivityMode != other.inactivityMode;
    }
}
