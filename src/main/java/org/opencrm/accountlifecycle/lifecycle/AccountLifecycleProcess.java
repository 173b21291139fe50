package org.opencrm.accountlifecycle.lifecycle;

/** The ids of {@code processes/account-lifecycle.bpmn} that code and tests refer to; they are its API. */
public final class AccountLifecycleProcess {

    public static final String KEY = "account-lifecycle";

    /** Correlated by business key (the individual's id) when activity that counts restarts the countdown. */
    public static final String MESSAGE_USER_ACTIVITY = "UserActivity";

    /**
     * Correlated by business key in the transaction of an agent's deletion: it interrupts the countdown, or starts an
     * instance that only sends the deletion mail when the individual has no running lifecycle.
     */
    public static final String MESSAGE_ACCOUNT_DELETED_MANUALLY = "AccountDeletedManually";

    /** Thrown by {@code Task_DeleteAccount} when the individual was deleted meanwhile (by an agent): nothing to do. */
    public static final String ERROR_ALREADY_DELETED = "AlreadyDeleted";

    public static final String SUBPROCESS_COUNTDOWN = "SubProcess_Countdown";
    public static final String TIMER_NOTICE_DUE = "Timer_NoticeDue";
    public static final String TASK_SEND_NOTICE_MAIL = "Task_SendNoticeMail";
    public static final String TIMER_DELETION_DUE = "Timer_DeletionDue";
    public static final String TASK_DELETE_ACCOUNT = "Task_DeleteAccount";
    public static final String BOUNDARY_USER_ACTIVE = "Boundary_UserActive";
    public static final String BOUNDARY_DELETED_MANUALLY = "Boundary_DeletedManually";
    public static final String START_DELETED_MANUALLY = "Start_DeletedManually";
    public static final String BOUNDARY_ALREADY_DELETED = "Boundary_AlreadyDeleted";
    public static final String TASK_SEND_DELETION_MAIL = "Task_SendDeletionMail";
    public static final String END_ACCOUNT_DELETED = "End_AccountDeleted";
    public static final String END_ALREADY_DELETED = "End_AlreadyDeleted";

    /**
     * When the notice of the current countdown was sent; local to the countdown sub-process, so that a restart forgets
     * it. The only variable of the process: personal data stays in the CRM tables.
     */
    public static final String VAR_NOTICE_SENT_AT = "noticeSentAt";

    private AccountLifecycleProcess() {}
}
