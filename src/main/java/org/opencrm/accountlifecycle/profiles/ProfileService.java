package org.opencrm.accountlifecycle.profiles;

import java.util.UUID;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.web.DuplicateIdException;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profiles and their members as the API shows them: Anonymous profiles and deleted individuals are never found. */
@Service
class ProfileService {

    private final ProfileRepository profiles;
    private final IndividualRepository individuals;

    ProfileService(ProfileRepository profiles, IndividualRepository individuals) {
        this.profiles = profiles;
        this.individuals = individuals;
    }

    /** @param id the CRM's id, or null for a generated one */
    @Transactional
    Profile create(String id, String profileType, String name) {
        String newId = id != null ? id : UUID.randomUUID().toString();
        if (profiles.existsById(newId)) {
            throw new DuplicateIdException("profile", newId);
        }
        try {
            profiles.insert(newId, profileType, name);
        } catch (DuplicateKeyException createdMeanwhile) {
            throw new DuplicateIdException("profile", newId);
        }
        return find(newId);
    }

    Profile find(String id) {
        return profiles.findActiveById(id).orElseThrow(() -> new ProfileNotFoundException(id));
    }

    /** The type may change only while no dossier carries the profile, which must be of its scheme's type. */
    @Transactional
    Profile change(String id, String profileType, String name) {
        Profile current = find(id);
        if (!current.profileType().equals(profileType)) {
            long dossiers = profiles.countDossiers(id);
            if (dossiers > 0) {
                throw new ProfileTypeInUseException(id, dossiers);
            }
        }

        profiles.update(id, profileType, name);
        return find(id);
    }

    Paged<Profile> list(PageQuery query) {
        return query.answer(profiles.countActive(), profiles.findActivePage(query.size(), query.offset()));
    }

    /** Adding a member twice is harmless. */
    @Transactional
    void attach(String profileId, String individualId) {
        find(profileId);
        requireActiveIndividual(individualId);

        profiles.attach(profileId, individualId);
    }

    /** Removing someone who is no member is harmless. */
    @Transactional
    void detach(String profileId, String individualId) {
        find(profileId);
        requireActiveIndividual(individualId);

        profiles.detach(profileId, individualId);
    }

    Paged<String> members(String profileId, PageQuery query) {
        find(profileId);
        return query.answer(
                profiles.countMembers(profileId), profiles.findMemberPage(profileId, query.size(), query.offset()));
    }

    private void requireActiveIndividual(String individualId) {
        if (individuals.findActiveById(individualId).isEmpty()) {
            throw new IndividualNotFoundException(individualId);
        }
    }
}
