package org.opencrm.accountlifecycle.dossiers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface DossierRepository extends Repository<Dossier, String> {

    Optional<Dossier> findById(String id);

    boolean existsById(String id);

    long count();

    /** One page of all dossiers, in id order; those of deleted people included, anonymised. */
    @Query("SELECT * FROM dossier ORDER BY id LIMIT :limit OFFSET :offset")
    List<Dossier> findPage(@Param("limit") int limit, @Param("offset") long offset);

    /** The start of inactivity in NO_RECENT_DOSSIER mode: the latest dossier filed or updated as applicant. */
    @Query("SELECT MAX(updated_at) FROM dossier WHERE applicant_id = :applicantId")
    Optional<Instant> findLatestActivityAsApplicant(@Param("applicantId") String applicantId);

    /** The distinct profile types that the schemes of the applicant's dossiers require. */
    @Query("""
            SELECT DISTINCT s.profile_type FROM dossier d JOIN scheme s ON s.id = d.scheme_id
            WHERE d.applicant_id = :applicantId AND s.profile_type IS NOT NULL
            """)
    List<String> findProfileTypesOfApplicant(@Param("applicantId") String applicantId);

    @Modifying
    @Query("""
            UPDATE dossier SET profile_id = :profileId
            WHERE applicant_id = :applicantId
              AND scheme_id IN (SELECT s.id FROM scheme s WHERE s.profile_type = :profileType)
            """)
    int replaceProfileOfApplicant(
            @Param("applicantId") String applicantId,
            @Param("profileType") String profileType,
            @Param("profileId") String profileId);

    @Modifying
    @Query("""
            UPDATE dossier SET applicant_id = :anonymousId, beneficiary_id = :anonymousId
            WHERE applicant_id = :applicantId
            """)
    int anonymiseAsApplicant(@Param("applicantId") String applicantId, @Param("anonymousId") String anonymousId);

    @Modifying
    @Query("UPDATE dossier SET beneficiary_id = :anonymousId WHERE beneficiary_id = :beneficiaryId")
    int anonymiseAsBeneficiary(@Param("beneficiaryId") String beneficiaryId, @Param("anonymousId") String anonymousId);
}
