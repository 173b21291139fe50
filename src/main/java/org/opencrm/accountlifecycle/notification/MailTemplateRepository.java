package org.opencrm.accountlifecycle.notification;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface MailTemplateRepository extends Repository<MailTemplate, String> {

    Optional<MailTemplate> findById(String id);

    boolean existsById(String id);
}
