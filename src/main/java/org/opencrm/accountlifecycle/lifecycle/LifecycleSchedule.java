package org.opencrm.accountlifecycle.lifecycle;

import static org.opencrm.accountlifecycle.lifecycle.AccountLifecycleProcess.VAR_NOTICE_SENT_AT;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.opencrm.accountlifecycle.settings.LifecycleSettings;
import org.opencrm.accountlifecycle.settings.SettingsService;
import org.springframework.stereotype.Component;

/**
 * The due dates of the two timers, evaluated by the engine from the individual's reference date and the settings as
 * they are now, never from copies kept in the process: a recalculation of the timer therefore follows a change of
 * settings or of the CRM data.
 */
@Component("lifecycleSchedule")
public class LifecycleSchedule {

    private final InactivityReference reference;
    private final SettingsService settings;
    private final LifecycleProperties properties;
    // countdowns read ahead, in one query, for the page of individuals the current thread is working through
    private final ThreadLocal<Map<String, Countdown>> readAhead = new ThreadLocal<>();

    LifecycleSchedule(InactivityReference reference, SettingsService settings, LifecycleProperties properties) {
        this.reference = reference;
        this.settings = settings;
        this.properties = properties;
    }

    /** Timer expression of {@code Timer_NoticeDue}. */
    public Date noticeDueAt(DelegateExecution execution) {
        return Date.from(countdownOf(execution.getProcessBusinessKey()).noticeDueAt());
    }

    /** Timer expression of {@code Timer_DeletionDue}; the notice of this countdown has been sent by then. */
    public Date deletionDueAt(DelegateExecution execution) {
        Date noticeSentAt = (Date) execution.getVariable(VAR_NOTICE_SENT_AT);
        return Date.from(countdownOf(execution.getProcessBusinessKey()).deletionDueAt(noticeSentAt.toInstant()));
    }

    /**
     * Runs work that evaluates the timers of a whole page of individuals (enrolment, realignment) with their countdowns
     * read in one query rather than one query per timer.
     */
    <T> T withCountdownsOf(Collection<String> individualIds, Supplier<T> work) {
        LifecycleSettings current = settings.current();
        Map<String, Countdown> countdowns = new HashMap<>();
        reference
                .ofAll(individualIds, current.inactivityMode())
                .forEach((id, start) -> countdowns.put(id, new Countdown(start, current, properties.days())));
        readAhead.set(countdowns);
        try {
            return work.get();
        } finally {
            readAhead.remove();
        }
    }

    Countdown countdownOf(String individualId) {
        Map<String, Countdown> ahead = readAhead.get();
        if (ahead != null && ahead.containsKey(individualId)) {
            return ahead.get(individualId);
        }
        return countdownOf(individualId, settings.current());
    }

    /** With the settings the caller has read already. */
    Countdown countdownOf(String individualId, LifecycleSettings current) {
        return countdownFrom(reference.of(individualId, current.inactivityMode()), current);
    }

    /** The countdown of activity the caller has just recorded, which is the latest that counts: nothing to read. */
    Countdown countdownFrom(Instant activity, LifecycleSettings current) {
        return new Countdown(activity, current, properties.days());
    }

    /** The day that holds {@code instant}, as countdowns count days. */
    ActivityDay dayOf(Instant instant) {
        return properties.days().dayOf(instant);
    }
}
