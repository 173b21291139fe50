package org.opencrm.accountlifecycle.registry;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "CRM > Administration > Registre des individus": the deletions, filtered, with their CSV export. */
@Controller
@RequestMapping("/admin/registry")
class RegistryPage {

    private static final int PAGE_SIZE = 50;

    private final RegistryQueries registry;

    RegistryPage(RegistryQueries registry) {
        this.registry = registry;
    }

    @GetMapping
    String show(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String agent,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("method", method);
        model.addAttribute("agent", agent);
        model.addAttribute("methods", DeletionMethod.values());
        try {
            RegistryFilter filter = RegistryFilter.of(from, to, methodOf(method), agent);
            model.addAttribute("total", registry.count(filter));
            model.addAttribute("entries", registry.page(filter, Math.max(page, 0), PAGE_SIZE));
        } catch (InvalidFilterException e) {
            model.addAttribute("filterError", e.getMessage());
            model.addAttribute("total", 0L);
            model.addAttribute("entries", List.of());
        }
        return "admin/registry";
    }

    private static DeletionMethod methodOf(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        try {
            return DeletionMethod.valueOf(method);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidFilterException("method", "method: must be AUTOMATIC or MANUAL");
        }
    }
}
