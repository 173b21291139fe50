package org.opencrm.accountlifecycle.notification;

import jakarta.validation.Validator;
import java.util.stream.Collectors;
import org.opencrm.accountlifecycle.individuals.IndividualNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "CRM > Administration > Notifications": the mail templates, edited and previewed for a chosen individual. */
@Controller
@RequestMapping("/admin/templates")
class MailTemplatesPage {

    private static final int ALL = 500;

    private final MailTemplateService templates;
    private final Validator validator;

    MailTemplatesPage(MailTemplateService templates, Validator validator) {
        this.templates = templates;
        this.validator = validator;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.list(0, ALL).items());
        return "admin/templates";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        model.addAttribute("template", templates.read(id));
        return "admin/template";
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable String id,
            @RequestParam String name,
            @RequestParam String subject,
            @RequestParam String body,
            Model model,
            RedirectAttributes redirect) {
        MailTemplateChange change = new MailTemplateChange(name, subject, body);
        String error = violationsOf(change);
        if (error.isEmpty()) {
            try {
                templates.change(id, change);
            } catch (InvalidTemplateException e) {
                error = e.getMessage();
            }
        }
        if (!error.isEmpty()) {
            model.addAttribute("template", new MailTemplate(id, name, subject, body));
            model.addAttribute("templateError", error);
            return "admin/template";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/templates/" + id;
    }

    /** The rules the API applies to the same change, each named by its field, in the page's language. */
    private String violationsOf(MailTemplateChange change) {
        return validator.validate(change).stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }

    @PostMapping("/{id}/preview")
    String preview(@PathVariable String id, @RequestParam String individualId, Model model) {
        model.addAttribute("template", templates.read(id));
        model.addAttribute("individualId", individualId);
        try {
            model.addAttribute("preview", templates.preview(id, individualId.strip()));
        } catch (IndividualNotFoundException e) {
            model.addAttribute("previewError", e.getMessage());
        }
        return "admin/template";
    }
}
