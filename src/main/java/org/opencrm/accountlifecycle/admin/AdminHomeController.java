package org.opencrm.accountlifecycle.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AdminHomeController {

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/settings";
    }
}
