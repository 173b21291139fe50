package org.opencrm.accountlifecycle.registry;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface RegistryRepository extends Repository<RegistryEntry, Long> {

    RegistryEntry save(RegistryEntry entry);

    Optional<RegistryEntry> findByIndividualId(String individualId);

    long count();
}
