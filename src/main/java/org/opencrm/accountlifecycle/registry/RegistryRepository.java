package org.opencrm.accountlifecycle.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface RegistryRepository extends Repository<RegistryEntry, Long> {

    RegistryEntry save(RegistryEntry entry);

    Optional<RegistryEntry> findByIndividualId(String individualId);

    List<RegistryEntry> findAllByOrderByDeletedAtDescIdDesc(Pageable page);

    long count();
}
