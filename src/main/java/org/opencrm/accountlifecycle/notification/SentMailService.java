package org.opencrm.accountlifecycle.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.opencrm.accountlifecycle.notification.SentMailRepository.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends each mail of a lifecycle at most once: one notice per countdown (keyed by its reference date) and one
 * deletion mail per individual. The record is written before the mail goes out, in the caller's transaction (the
 * engine job's): a failed send rolls it back and the retry sends, while a step repeated after a successful send
 * finds the record and sends nothing.
 */
@Service
public class SentMailService {

    private static final Logger log = LoggerFactory.getLogger(SentMailService.class);

    /** The cycle of the deletion mail: there is only one per individual. */
    static final String FINAL_CYCLE = "final";

    private final SentMailRepository sentMails;
    private final NotificationService notifications;
    private final Clock clock;

    SentMailService(SentMailRepository sentMails, NotificationService notifications, Clock clock) {
        this.sentMails = sentMails;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Sends the notice of the countdown that started at {@code countdownReference}, unless it was sent already.
     *
     * @return when the notice of this countdown was really sent: {@code now}, or the earlier send
     */
    @Transactional
    public Instant sendNoticeOnce(
            String individualId, Instant countdownReference, Instant now, Instant plannedDeletion) {
        String cycle = countdownReference.toString();
        Optional<Instant> earlier = sentMails.sentAt(individualId, Kind.NOTICE, cycle);
        if (earlier.isPresent()) {
            log.info("Inactivity notice already sent, not sent again individualId={}", individualId);
            return earlier.get();
        }
        sentMails.insert(individualId, Kind.NOTICE, cycle, now);
        notifications.sendInactivityNotice(individualId, plannedDeletion);
        return now;
    }

    /**
     * Sends the deletion mail, unless it was sent already.
     *
     * @return whether it was sent now
     */
    @Transactional
    public boolean sendDeletionConfirmationOnce(String individualId) {
        if (sentMails.sentAt(individualId, Kind.DELETION, FINAL_CYCLE).isPresent()) {
            log.info("Deletion confirmation already sent, not sent again individualId={}", individualId);
            return false;
        }
        sentMails.insert(individualId, Kind.DELETION, FINAL_CYCLE, clock.instant());
        notifications.sendDeletionConfirmation(individualId);
        return true;
    }
}
