package org.opencrm.accountlifecycle.individuals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.opencrm.accountlifecycle.web.CrmId;
import org.opencrm.accountlifecycle.web.MailAddress;
import org.opencrm.accountlifecycle.web.PageQuery;
import org.opencrm.accountlifecycle.web.Paged;
import org.opencrm.accountlifecycle.web.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The individuals of the CRM, for the CRM and the portal. */
@RestController
@RequestMapping("/api/individuals")
class IndividualController {

    private final IndividualService individuals;

    IndividualController(IndividualService individuals) {
        this.individuals = individuals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IndividualView create(@Valid @RequestBody NewIndividual request) {
        return IndividualView.of(
                individuals.create(request.id(), request.firstName(), request.lastName(), request.email()));
    }

    @GetMapping("/{id}")
    IndividualView read(@PathVariable String id) {
        return IndividualView.of(individuals.find(id));
    }

    @PutMapping("/{id}")
    IndividualView change(@PathVariable String id, @Valid @RequestBody IndividualChange change) {
        return IndividualView.of(individuals.change(id, change.firstName(), change.lastName(), change.email()));
    }

    /** In id order. */
    @GetMapping
    Paged<IndividualView> list(@Valid PageQuery page) {
        Paged<Individual> found = individuals.list(page);
        return page.answer(
                found.total(), found.items().stream().map(IndividualView::of).toList());
    }

    record NewIndividual(
            @CrmId String id,
            @NotBlank @Size(max = 200) @SingleLine String firstName,
            @NotBlank @Size(max = 200) @SingleLine String lastName,

            @NotBlank @Size(max = MailAddress.MAX_LENGTH) @MailAddress @SingleLine
            String email) {}

    record IndividualChange(
            @NotBlank @Size(max = 200) @SingleLine String firstName,
            @NotBlank @Size(max = 200) @SingleLine String lastName,

            @NotBlank @Size(max = MailAddress.MAX_LENGTH) @MailAddress @SingleLine
            String email) {}

    record IndividualView(
            String id, String firstName, String lastName, String email, Instant createdAt, Instant lastLoginAt) {

        static IndividualView of(Individual individual) {
            return new IndividualView(
                    individual.id(),
                    individual.firstName(),
                    individual.lastName(),
                    individual.email(),
                    individual.createdAt(),
                    individual.lastLoginAt());
        }
    }
}
