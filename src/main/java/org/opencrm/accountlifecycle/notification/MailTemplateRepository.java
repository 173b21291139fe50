package org.opencrm.accountlifecycle.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface MailTemplateRepository extends Repository<MailTemplate, String> {

    Optional<MailTemplate> findById(String id);

    boolean existsById(String id);

    @Query("SELECT id FROM mail_template ORDER BY id")
    List<String> findAllIds();

    long count();

    List<MailTemplate> findAllByOrderById(Pageable page);

    /** Updates an existing template; a new one goes through {@code JdbcAggregateTemplate#insert}, its id being set. */
    MailTemplate save(MailTemplate template);

    void deleteById(String id);
}
