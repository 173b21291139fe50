package org.opencrm.accountlifecycle.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "CRM > Administration > Data deletion": the delays, the inactivity definition, the switch and the two mails. */
@Controller
@RequestMapping("/admin/settings")
class SettingsPage {

    private final SettingsService settings;
    private final TemplateCatalogue templates;

    SettingsPage(SettingsService settings, TemplateCatalogue templates) {
        this.settings = settings;
        this.templates = templates;
    }

    @GetMapping
    String show(Model model) {
        return page(model, SettingsForm.of(settings.current()), Map.of());
    }

    @PostMapping
    String save(@ModelAttribute SettingsForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer notice = form.wholeDays(form.noticeDelayDays(), "noticeDelayDays", errors);
        Integer deletion = form.wholeDays(form.deletionDelayDays(), "deletionDelayDays", errors);
        InactivityMode mode = form.mode(errors);
        if (!errors.isEmpty()) {
            return page(model, form, errors);
        }

        try {
            SettingsService.SettingsUpdate update = settings.update(new SettingsChange(
                    notice,
                    deletion,
                    mode,
                    Boolean.TRUE.equals(form.enabled()),
                    form.noticeTemplateId(),
                    form.deletionTemplateId()));
            redirect.addFlashAttribute("countdownsChanged", update.countdownsChanged());
            redirect.addFlashAttribute("continuesInBackground", update.continuesInBackground());
            return "redirect:/admin/settings";
        } catch (InvalidSettingsException e) {
            String field = String.valueOf(e.getBody().getProperties().get("field"));
            errors.put(field, field.endsWith("TemplateId") ? "settings.error.template" : "settings.error.order");
            return page(model, form, errors);
        }
    }

    private String page(Model model, SettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("modes", InactivityMode.values());
        model.addAttribute("templates", templates.ids());
        return "admin/settings";
    }

    /** The form as typed: text, so that a wrong value comes back to the administrator with a message. */
    record SettingsForm(
            String noticeDelayDays,
            String deletionDelayDays,
            String inactivityMode,
            // a browser sends nothing for an unticked box
            Boolean enabled,
            String noticeTemplateId,
            String deletionTemplateId) {

        static SettingsForm of(LifecycleSettings settings) {
            return new SettingsForm(
                    String.valueOf(settings.noticeDelayDays()),
                    String.valueOf(settings.deletionDelayDays()),
                    settings.inactivityMode().name(),
                    settings.enabled(),
                    settings.noticeTemplateId(),
                    settings.deletionTemplateId());
        }

        Integer wholeDays(String value, String field, Map<String, String> errors) {
            try {
                int days = Integer.parseInt(value == null ? "" : value.strip());
                if (days >= 1 && days <= SettingsChange.MAX_DAYS) {
                    return days;
                }
            } catch (NumberFormatException notAWholeNumber) {
                // answered below like any other value out of range
            }
            errors.put(field, "settings.error.days");
            return null;
        }

        InactivityMode mode(Map<String, String> errors) {
            for (InactivityMode mode : InactivityMode.values()) {
                if (mode.name().equals(inactivityMode)) {
                    return mode;
                }
            }
            errors.put("inactivityMode", "settings.error.mode");
            return null;
        }
    }
}
