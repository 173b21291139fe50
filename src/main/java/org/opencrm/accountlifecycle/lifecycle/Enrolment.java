package org.opencrm.accountlifecycle.lifecycle;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An individual that has entered the lifecycle, and the process instance that runs its countdown. */
@Table("lifecycle_enrolment")
record Enrolment(@Id String individualId, String processInstanceId, Instant enrolledAt) {}
