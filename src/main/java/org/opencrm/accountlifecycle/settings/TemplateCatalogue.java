package org.opencrm.accountlifecycle.settings;

import java.util.List;

/** The mail templates the settings may point at; settings never point at a missing one. */
public interface TemplateCatalogue {

    boolean exists(String templateId);

    /** Every template id, for the administrator to choose from. */
    List<String> ids();
}
