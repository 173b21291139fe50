package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import java.util.List;

/** The enrolments of a whole page of individuals, written in one JDBC batch. */
interface EnrolmentBatch {

    /**
     * @param individualIds the individuals, in the order of their process instances
     * @param processInstanceIds their countdowns' process instances
     */
    void insertAll(List<String> individualIds, List<String> processInstanceIds, Instant enrolledAt);
}
