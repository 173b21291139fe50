package org.opencrm.accountlifecycle.profiles;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface ProfileRepository extends Repository<Profile, String> {

    Optional<Profile> findById(String id);

    @Query("SELECT * FROM profile WHERE anonymous_key = :key")
    Optional<Profile> findByAnonymousKey(@Param("key") String key);

    @Query("SELECT COUNT(*) FROM membership WHERE individual_id = :individualId")
    int countMemberships(@Param("individualId") String individualId);

    /** Detaches the individual from every profile; the profiles themselves stay. */
    @Modifying
    @Query("DELETE FROM membership WHERE individual_id = :individualId")
    int detachFromAllProfiles(@Param("individualId") String individualId);
}
