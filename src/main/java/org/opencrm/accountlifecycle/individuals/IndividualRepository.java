package org.opencrm.accountlifecycle.individuals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface IndividualRepository extends Repository<Individual, String> {

    /** Any individual, deleted or not: the deletion mail still needs the address the person had. */
    Optional<Individual> findById(String id);

    /** Whether the id is taken, by an active, deleted or Anonymous individual alike. */
    boolean existsById(String id);

    /** The look-up of the CRM: deleted individuals and the Anonymous individual are not found. */
    @Query("""
            SELECT * FROM individual
            WHERE id = :id AND deleted_at IS NULL AND anonymous_key IS NULL
            """)
    Optional<Individual> findActiveById(@Param("id") String id);

    /** Locks the row until the end of the transaction, so that a login and a deletion never interleave. */
    @Query("SELECT * FROM individual WHERE id = :id FOR UPDATE")
    Optional<Individual> findByIdForUpdate(@Param("id") String id);

    @Query("SELECT * FROM individual WHERE anonymous_key = :key")
    Optional<Individual> findByAnonymousKey(@Param("key") String key);

    @Query("""
            SELECT COUNT(*) FROM individual
            WHERE deleted_at IS NULL AND anonymous_key IS NULL
            """)
    long countActive();

    /** One page of the CRM's list: active individuals, in id order. */
    @Query("""
            SELECT * FROM individual
            WHERE deleted_at IS NULL AND anonymous_key IS NULL
            ORDER BY id
            LIMIT :limit OFFSET :offset
            """)
    List<Individual> findActivePage(@Param("limit") int limit, @Param("offset") long offset);

    /** Active individuals that have no lifecycle yet, in id order, one page after the given id. */
    @Query("""
            SELECT i.id FROM individual i
            WHERE i.deleted_at IS NULL AND i.anonymous_key IS NULL
              AND i.id > :afterId
              AND NOT EXISTS (SELECT 1 FROM lifecycle_enrolment e WHERE e.individual_id = i.id)
            ORDER BY i.id
            LIMIT :limit
            """)
    List<String> findIdsWithoutLifecycle(@Param("afterId") String afterId, @Param("limit") int limit);

    @Modifying
    @Query("""
            INSERT INTO individual (id, first_name, last_name, email, created_at)
            VALUES (:id, :firstName, :lastName, :email, :createdAt)
            """)
    void insert(
            @Param("id") String id,
            @Param("firstName") String firstName,
            @Param("lastName") String lastName,
            @Param("email") String email,
            @Param("createdAt") Instant createdAt);

    /** Changes names and address of an active individual; deleted and Anonymous individuals are left alone. */
    @Modifying
    @Query("""
            UPDATE individual SET first_name = :firstName, last_name = :lastName, email = :email
            WHERE id = :id AND deleted_at IS NULL AND anonymous_key IS NULL
            """)
    int updateContact(
            @Param("id") String id,
            @Param("firstName") String firstName,
            @Param("lastName") String lastName,
            @Param("email") String email);

    /**
     * A login of an active individual whose last login lies within the given day ({@code opensAfter}, {@code endsAt}]:
     * 1 when it was written, 0 when there was no login that day (or the individual is not active), and nothing written.
     */
    @Modifying
    @Query("""
            UPDATE individual SET last_login_at = :at
            WHERE id = :id AND deleted_at IS NULL AND anonymous_key IS NULL
              AND last_login_at > :opensAfter AND last_login_at <= :endsAt
            """)
    int recordLoginWithinDay(
            @Param("id") String id,
            @Param("at") Instant at,
            @Param("opensAfter") Instant opensAfter,
            @Param("endsAt") Instant endsAt);

    @Modifying
    @Query("""
            UPDATE individual SET last_login_at = :at
            WHERE id = :id AND deleted_at IS NULL AND anonymous_key IS NULL
            """)
    int recordLogin(@Param("id") String id, @Param("at") Instant at);

    @Modifying
    @Query("UPDATE individual SET deleted_at = :at WHERE id = :id AND deleted_at IS NULL AND anonymous_key IS NULL")
    int markDeleted(@Param("id") String id, @Param("at") Instant at);
}
