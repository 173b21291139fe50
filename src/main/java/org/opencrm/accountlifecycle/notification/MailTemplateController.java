package org.opencrm.accountlifecycle.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.opencrm.accountlifecycle.web.Paged;
import org.opencrm.accountlifecycle.web.SingleLine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Validated
@RestController
@RequestMapping("/api/templates")
class MailTemplateController {

    private final MailTemplateService templates;

    MailTemplateController(MailTemplateService templates) {
        this.templates = templates;
    }

    /** The templates by id, without their bodies. */
    @GetMapping
    Paged<MailTemplateService.Summary> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return templates.list(page, size);
    }

    @GetMapping("/{id}")
    MailTemplate read(@PathVariable String id) {
        return templates.read(id);
    }

    @PostMapping
    ResponseEntity<MailTemplate> create(@Valid @RequestBody NewMailTemplate template) {
        MailTemplate created = templates.create(template.id(), template.change());
        return ResponseEntity.created(URI.create("/api/templates/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    MailTemplate change(@PathVariable String id, @Valid @RequestBody MailTemplateChange change) {
        return templates.change(id, change);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        templates.delete(id);
    }

    @PostMapping("/{id}/preview")
    TemplateRenderer.RenderedMail preview(@PathVariable String id, @Valid @RequestBody PreviewRequest request) {
        return templates.preview(id, request.individualId());
    }

    /** The id becomes part of URLs and is what the settings refer to. */
    record NewMailTemplate(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "1 to 64 lower-case letters, digits or '-'")
            String id,

            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank String subject,
            @NotNull String body) {

        MailTemplateChange change() {
            return new MailTemplateChange(name, subject, body);
        }
    }

    record PreviewRequest(@NotBlank String individualId) {}
}
