package org.opencrm.accountlifecycle.dossiers;

import java.util.Objects;
import java.util.UUID;
import org.opencrm.accountlifecycle.web.DuplicateIdException;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SchemeService {

    private final SchemeRepository schemes;

    SchemeService(SchemeRepository schemes) {
        this.schemes = schemes;
    }

    /**
     * @param id the CRM's id, or null for a generated one
     * @param profileType the type of profile its dossiers carry, or null for none
     */
    @Transactional
    Scheme create(String id, String name, String profileType) {
        String newId = id != null ? id : UUID.randomUUID().toString();
        if (schemes.existsById(newId)) {
            throw new DuplicateIdException("scheme", newId);
        }
        try {
            schemes.insert(newId, name, profileType);
        } catch (DuplicateKeyException createdMeanwhile) {
            throw new DuplicateIdException("scheme", newId);
        }
        return find(newId);
    }

    Scheme find(String id) {
        return schemes.findById(id).orElseThrow(() -> new SchemeNotFoundException(id));
    }

    /** The profile type may change only while the scheme has no dossiers, which carry a profile of that type. */
    @Transactional
    Scheme change(String id, String name, String profileType) {
        Scheme current = find(id);
        if (!Objects.equals(current.profileType(), profileType)) {
            long dossiers = schemes.countDossiers(id);
            if (dossiers > 0) {
                throw new SchemeTypeInUseException(id, dossiers);
            }
        }

        schemes.update(id, name, profileType);
        return find(id);
    }

    Paged<Scheme> list(PageQuery query) {
        return query.answer(schemes.count(), schemes.findPage(query.size(), query.offset()));
    }
}
