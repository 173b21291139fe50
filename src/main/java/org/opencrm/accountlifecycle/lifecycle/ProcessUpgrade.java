package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.KEY;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves the running lifecycles of older versions of {@code account-lifecycle.bpmn} to the latest deployed version,
 * with Camunda's migration API: activities are mapped by their ids, which the BPMN keeps as its API.
 *
 * <p>Event triggers are deliberately not updated: with {@code updateEventTriggers()} Camunda evaluates the timer
 * expression of the target version again for every waiting timer, at migration time, and overwrites its due date.
 * Without it the timer job stays as it is and only moves to the new job definition: a running countdown keeps its
 * due date, and a countdown past its notice keeps {@code noticeSentAt} (the variable is migrated with its scope) and
 * sends no second notice. A new version that changes a timer's expression therefore applies to timers created after
 * the upgrade; the settings' realignment ({@link LifecycleService#realignTimers()}) recomputes the waiting ones when
 * that is wanted.
 *
 * <p>Each page of instances is one migration, so one transaction. A page that cannot be migrated (an instance the new
 * version cannot hold, or one a job executor on another node changes at that moment) stays on its version, where it
 * keeps running, and is counted in {@link Report#left()}; the next upgrade tries it again.
 */
@Service
public class ProcessUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ProcessUpgrade.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final LifecycleProperties properties;

    ProcessUpgrade(RepositoryService repository, RuntimeService runtime, LifecycleProperties properties) {
        this.repository = repository;
        this.runtime = runtime;
        this.properties = properties;
    }

    /** Migrates every instance of an older version to the latest version and logs one line with the counts. */
    public Report migrateToLatest() {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .latestVersion()
                .singleResult();
        List<ProcessDefinition> older = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(KEY)
                .orderByProcessDefinitionVersion()
                .asc()
                .list()
                .stream()
                .filter(definition -> definition.getVersion() < latest.getVersion())
                .toList();

        int migrated = 0;
        int left = 0;
        for (ProcessDefinition source : older) {
            Report fromSource = migrate(source, latest);
            migrated += fromSource.migrated();
            left += fromSource.left();
        }

        log.info(
                "Process upgrade processDefinitionId={} version={} olderVersions={} migrated={} left={}",
                latest.getId(),
                latest.getVersion(),
                older.size(),
                migrated,
                left);
        return new Report(latest.getId(), migrated, left);
    }

    private Report migrate(ProcessDefinition source, ProcessDefinition target) {
        long running = instancesOf(source).count();
        if (running == 0) {
            return new Report(target.getId(), 0, 0);
        }
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities()
                    .build();
        } catch (MigrationPlanValidationException e) {
            log.warn(
                    "Process upgrade impossible from processDefinitionId={} instances={}: {}",
                    source.getId(),
                    running,
                    e.getMessage());
            return new Report(target.getId(), 0, (int) running);
        }

        int migrated = 0;
        int skipped = 0;
        List<String> page;
        // migrated instances leave the query; skipped ones stay, so the next page starts after them
        while (!(page = idsOf(instancesOf(source).listPage(skipped, properties.pageSize()))).isEmpty()) {
            try {
                runtime.newMigration(plan).processInstanceIds(page).execute();
                migrated += page.size();
            } catch (MigratingProcessInstanceValidationException | OptimisticLockingException e) {
                log.warn(
                        "Process upgrade page left processDefinitionId={} instances={}: {}",
                        source.getId(),
                        page.size(),
                        e.getMessage());
                skipped += page.size();
            }
        }
        return new Report(target.getId(), migrated, skipped);
    }

    private ProcessInstanceQuery instancesOf(ProcessDefinition definition) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionId(definition.getId())
                .orderByProcessInstanceId()
                .asc();
    }

    private static List<String> idsOf(List<ProcessInstance> instances) {
        return instances.stream().map(ProcessInstance::getId).toList();
    }

    /**
     * @param processDefinitionId the latest version, where the lifecycles now run
     * @param migrated how many lifecycles were moved to it
     * @param left how many stay on an older version (their reason is logged)
     */
    public record Report(String processDefinitionId, int migrated, int left) {}
}
