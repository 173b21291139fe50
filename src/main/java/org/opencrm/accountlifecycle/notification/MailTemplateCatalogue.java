package org.opencrm.accountlifecycle.notification;

import java.util.List;
import org.opencrm.accountlifecycle.settings.TemplateCatalogue;
import org.springframework.stereotype.Component;

@Component
class MailTemplateCatalogue implements TemplateCatalogue {

    private final MailTemplateRepository templates;

    MailTemplateCatalogue(MailTemplateRepository templates) {
        this.templates = templates;
    }

    @Override
    public boolean exists(String templateId) {
        return templates.existsById(templateId);
    }

    @Override
    public List<String> ids() {
        return templates.findAllIds();
    }
}
