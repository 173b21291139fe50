package org.opencrm.accountlifecycle.dossiers;

import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.profiles.Profile;
import org.opencrm.accountlifecycle.profiles.ProfileRepository;
import org.springframework.stereotype.Component;

/**
 * What a dossier may point at: an existing scheme, active individuals (neither deleted nor the Anonymous one), and a
 * profile of the type its scheme requires, or none when the scheme carries no profile.
 */
@Component
public class DossierReferences {

    private final SchemeRepository schemes;
    private final IndividualRepository individuals;
    private final ProfileRepository profiles;

    DossierReferences(SchemeRepository schemes, IndividualRepository individuals, ProfileRepository profiles) {
        this.schemes = schemes;
        this.individuals = individuals;
        this.profiles = profiles;
    }

    /** Refuses the first reference at fault with a problem naming its field. */
    public void check(String schemeId, String applicantId, String beneficiaryId, String profileId) {
        Scheme scheme = schemes.findById(schemeId)
                .orElseThrow(() -> new InvalidReferenceException("schemeId", "no scheme with id '" + schemeId + "'"));
        requireActive("applicantId", applicantId);
        requireActive("beneficiaryId", beneficiaryId);
        if (!scheme.carriesProfile()) {
            if (profileId != null) {
                throw new InvalidReferenceException(
                        "profileId", "the dossiers of scheme '" + schemeId + "' carry no profile");
            }
            return;
        }

        if (profileId == null) {
            throw new InvalidReferenceException(
                    "profileId", "scheme '" + schemeId + "' requires a profile of type " + scheme.profileType());
        }
        Profile profile = profiles.findActiveById(profileId)
                .orElseThrow(
                        () -> new InvalidReferenceException("profileId", "no profile with id '" + profileId + "'"));
        if (!profile.profileType().equals(scheme.profileType())) {
            throw new InvalidReferenceException(
                    "profileId",
                    "profile '" + profileId + "' is of type " + profile.profileType() + " but scheme '" + schemeId
                            + "' requires " + scheme.profileType());
        }
    }

    private void requireActive(String field, String individualId) {
        if (individuals.findActiveById(individualId).isEmpty()) {
            throw new InvalidReferenceException(field, "no active individual with id '" + individualId + "'");
        }
    }
}
