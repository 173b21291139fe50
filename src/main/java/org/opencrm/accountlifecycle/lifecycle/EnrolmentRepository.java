package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface EnrolmentRepository extends Repository<Enrolment, String>, EnrolmentBatch {

    boolean existsById(String individualId);

    @Query("SELECT process_instance_id FROM lifecycle_enrolment WHERE individual_id = :individualId")
    Optional<String> findProcessInstanceId(@Param("individualId") String individualId);

    /** Fails on a second enrolment of the same individual: the primary key keeps one lifecycle per individual. */
    @Modifying
    @Query("""
            INSERT INTO lifecycle_enrolment (individual_id, process_instance_id, enrolled_at)
            VALUES (:individualId, :processInstanceId, :enrolledAt)
            """)
    void insert(
            @Param("individualId") String individualId,
            @Param("processInstanceId") String processInstanceId,
            @Param("enrolledAt") Instant enrolledAt);

    @Modifying
    @Query("DELETE FROM lifecycle_enrolment")
    int deleteAll();
}
