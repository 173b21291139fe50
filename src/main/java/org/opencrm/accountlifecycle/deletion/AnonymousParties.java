package org.opencrm.accountlifecycle.deletion;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencrm.accountlifecycle.individuals.Individual;
import org.opencrm.accountlifecycle.individuals.IndividualRepository;
import org.opencrm.accountlifecycle.profiles.Profile;
import org.opencrm.accountlifecycle.profiles.ProfileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Anonymous individual and the Anonymous profile of each type, which take the place of deleted people in
 * dossiers. Each is created the first time it is needed and exists once: the unique {@code anonymous_key} decides
 * between deletions that create it at the same moment, and the loser reads the winner's row.
 */
@Component
class AnonymousParties {

    private static final Logger log = LoggerFactory.getLogger(AnonymousParties.class);

    static final String INDIVIDUAL_KEY = "ANONYMOUS";
    static final String ANONYMOUS_NAME = "Anonyme";

    private final IndividualRepository individuals;
    private final ProfileRepository profiles;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AnonymousParties(
            IndividualRepository individuals,
            ProfileRepository profiles,
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.individuals = individuals;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String individualId() {
        return findOrCreate(
                () -> individuals.findByAnonymousKey(INDIVIDUAL_KEY).map(Individual::id),
                () -> jdbc.sql("""
                        INSERT INTO individual (id, first_name, last_name, email, created_at, anonymous_key)
                        VALUES (:id, :name, :name, :email, :createdAt, :key)
                        """)
                        .param("id", newId())
                        .param("name", ANONYMOUS_NAME)
                        .param("email", "anonymous@invalid")
                        .param("createdAt", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("key", INDIVIDUAL_KEY)
                        .update());
    }

    String profileId(String profileType) {
        String key = INDIVIDUAL_KEY + ":" + profileType;
        return findOrCreate(
                () -> profiles.findByAnonymousKey(key).map(Profile::id),
                () -> jdbc.sql("""
                        INSERT INTO profile (id, profile_type, name, anonymous_key)
                        VALUES (:id, :type, :name, :key)
                        """)
                        .param("id", newId())
                        .param("type", profileType)
                        .param("name", ANONYMOUS_NAME)
                        .param("key", key)
                        .update());
    }

    /**
     * Creates in a transaction of its own, committed at once, so that a concurrent creator sees the row and the
     * caller's transaction is not spoiled by a failed insert. A party created for a deletion that then rolls back
     * stays: it is harmless and the next deletion uses it.
     */
    private String findOrCreate(Supplier<Optional<String>> find, Runnable insert) {
        Optional<String> existing = find.get();
        if (existing.isPresent()) {
            return existing.get();
        }

        try {
            ownTransaction.executeWithoutResult(status -> insert.run());
        } catch (DuplicateKeyException createdMeanwhile) {
            log.debug("Anonymous party created at the same time by another deletion; using that one");
        }
        return find.get().orElseThrow(() -> new IllegalStateException("The Anonymous party could not be created"));
    }

    private static String newId() {
        return "anonymous-" + UUID.randomUUID();
    }
}
