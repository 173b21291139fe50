package org.opencrm.accountlifecycle.profiles;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface ProfileRepository extends Repository<Profile, String> {

    Optional<Profile> findById(String id);

    /** Whether the id is taken, by an ordinary or an Anonymous profile alike. */
    boolean existsById(String id);

    /** The look-up of the CRM: Anonymous profiles are not found. */
    @Query("SELECT * FROM profile WHERE id = :id AND anonymous_key IS NULL")
    Optional<Profile> findActiveById(@Param("id") String id);

    @Query("SELECT * FROM profile WHERE anonymous_key = :key")
    Optional<Profile> findByAnonymousKey(@Param("key") String key);

    @Query("SELECT COUNT(*) FROM profile WHERE anonymous_key IS NULL")
    long countActive();

    /** One page of the CRM's list, in id order, without the Anonymous profiles. */
    @Query("""
            SELECT * FROM profile
            WHERE anonymous_key IS NULL
            ORDER BY id
            LIMIT :limit OFFSET :offset
            """)
    List<Profile> findActivePage(@Param("limit") int limit, @Param("offset") long offset);

    @Modifying
    @Query("INSERT INTO profile (id, profile_type, name) VALUES (:id, :profileType, :name)")
    void insert(@Param("id") String id, @Param("profileType") String profileType, @Param("name") String name);

    @Modifying
    @Query("""
            UPDATE profile SET profile_type = :profileType, name = :name
            WHERE id = :id AND anonymous_key IS NULL
            """)
    int update(@Param("id") String id, @Param("profileType") String profileType, @Param("name") String name);

    @Query("SELECT COUNT(*) FROM dossier WHERE profile_id = :profileId")
    long countDossiers(@Param("profileId") String profileId);

    @Query("SELECT COUNT(*) FROM membership WHERE profile_id = :profileId")
    long countMembers(@Param("profileId") String profileId);

    /** One page of the members' ids, in id order. Deleted individuals are detached, so all members are active. */
    @Query("""
            SELECT individual_id FROM membership
            WHERE profile_id = :profileId
            ORDER BY individual_id
            LIMIT :limit OFFSET :offset
            """)
    List<String> findMemberPage(
            @Param("profileId") String profileId, @Param("limit") int limit, @Param("offset") long offset);

    /** Adds the member unless it is one already, so that repeating the request is harmless. */
    @Modifying
    @Query("""
            INSERT INTO membership (profile_id, individual_id)
            SELECT :profileId, :individualId FROM profile p
            WHERE p.id = :profileId
              AND NOT EXISTS (SELECT 1 FROM membership m
                              WHERE m.profile_id = :profileId AND m.individual_id = :individualId)
            """)
    int attach(@Param("profileId") String profileId, @Param("individualId") String individualId);

    @Modifying
    @Query("DELETE FROM membership WHERE profile_id = :profileId AND individual_id = :individualId")
    int detach(@Param("profileId") String profileId, @Param("individualId") String individualId);

    /** Detaches the individual from every profile; the profiles themselves stay. */
    @Modifying
    @Query("DELETE FROM membership WHERE individual_id = :individualId")
    int detachFromAllProfiles(@Param("individualId") String individualId);
}
