package org.opencrm.accountlifecycle.deletion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.opencrm.accountlifecycle.registry.RegistryEntry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deletion of an individual by an agent of the CRM; the agent recorded is the one logged in. */
@RestController
@RequestMapping("/api/deletions")
class DeletionController {

    private final AccountDeletionService deletion;

    DeletionController(AccountDeletionService deletion) {
        this.deletion = deletion;
    }

    /** Answers the registry entry of the deletion; the deletion mail follows from the engine, after the commit. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegistryEntry delete(@Valid @RequestBody ManualDeletion request, Principal agent) {
        return deletion.deleteByAgent(
                request.individualId(), agent.getName(), request.reason().strip());
    }

    /**
     * @param reason why the agent deletes the account, kept in the registry; one line of text, since it is shown in
     *     lists and exports
     */
    record ManualDeletion(
            @NotBlank @Size(max = 64) String individualId,

            @NotBlank
            @Size(max = 500)
            @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters (line breaks, tabs, ...)")
            String reason) {}
}
