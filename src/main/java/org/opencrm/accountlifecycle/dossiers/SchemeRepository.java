package org.opencrm.accountlifecycle.dossiers;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface SchemeRepository extends Repository<Scheme, String> {

    Optional<Scheme> findById(String id);

    boolean existsById(String id);

    long count();

    @Query("SELECT * FROM scheme ORDER BY id LIMIT :limit OFFSET :offset")
    List<Scheme> findPage(@Param("limit") int limit, @Param("offset") long offset);

    @Modifying
    @Query("INSERT INTO scheme (id, name, profile_type) VALUES (:id, :name, :profileType)")
    void insert(@Param("id") String id, @Param("name") String name, @Param("profileType") String profileType);

    @Modifying
    @Query("UPDATE scheme SET name = :name, profile_type = :profileType WHERE id = :id")
    int update(@Param("id") String id, @Param("name") String name, @Param("profileType") String profileType);

    @Query("SELECT COUNT(*) FROM dossier WHERE scheme_id = :schemeId")
    long countDossiers(@Param("schemeId") String schemeId);
}
