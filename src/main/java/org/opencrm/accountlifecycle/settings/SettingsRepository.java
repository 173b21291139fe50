package org.opencrm.accountlifecycle.settings;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SettingsRepository extends Repository<LifecycleSettings, Integer> {

    Optional<LifecycleSettings> findById(Integer id);

    /** Reads the row under lock, so that two administrators saving at once apply one after the other. */
    @Query("SELECT * FROM lifecycle_settings WHERE id = 1 FOR UPDATE")
    Optional<LifecycleSettings> findForUpdate();

    LifecycleSettings save(LifecycleSettings settings);
}
