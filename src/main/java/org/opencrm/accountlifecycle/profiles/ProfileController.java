package org.opencrm.accountlifecycle.profiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opencrm.accountlifecycle.web.CrmId;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.opencrm.accountlifecycle.web.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Profiles (households, organisations, ...) and their members, for the CRM. */
@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProfileView create(@Valid @RequestBody NewProfile request) {
        return ProfileView.of(profiles.create(request.id(), request.profileType(), request.name()));
    }

    @GetMapping("/{id}")
    ProfileView read(@PathVariable String id) {
        return ProfileView.of(profiles.find(id));
    }

    @PutMapping("/{id}")
    ProfileView change(@PathVariable String id, @Valid @RequestBody ProfileChange change) {
        return ProfileView.of(profiles.change(id, change.profileType(), change.name()));
    }

    /** In id order. */
    @GetMapping
    Paged<ProfileView> list(@Valid PageQuery page) {
        Paged<Profile> found = profiles.list(page);
        return page.answer(
                found.total(), found.items().stream().map(ProfileView::of).toList());
    }

    /** The ids of the members, in id order. */
    @GetMapping("/{id}/members")
    Paged<String> members(@PathVariable String id, @Valid PageQuery page) {
        return profiles.members(id, page);
    }

    @PutMapping("/{id}/members/{individualId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void attach(@PathVariable String id, @PathVariable String individualId) {
        profiles.attach(id, individualId);
    }

    @DeleteMapping("/{id}/members/{individualId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@PathVariable String id, @PathVariable String individualId) {
        profiles.detach(id, individualId);
    }

    record NewProfile(
            @CrmId String id,
            @NotNull @ProfileType String profileType,
            @NotBlank @Size(max = 200) @SingleLine String name) {}

    record ProfileChange(
            @NotNull @ProfileType String profileType,
            @NotBlank @Size(max = 200) @SingleLine String name) {}

    record ProfileView(String id, String profileType, String name) {

        static ProfileView of(Profile profile) {
            return new ProfileView(profile.id(), profile.profileType(), profile.name());
        }
    }
}
