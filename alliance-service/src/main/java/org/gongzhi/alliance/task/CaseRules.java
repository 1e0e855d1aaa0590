package org.gongzhi.alliance.task;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * What a party's step on its task means for the request's alliance case: resolution, the next party in line, a new
 * party for a reassigned role. The case side ({@code cases.CaseService}) implements it, so tasks need not know cases.
 * Runs inside the caller's transaction.
 */
public interface CaseRules {

    /** The task was completed: the case resolves once its round is done. */
    Uni<Void> completed(Task task, Instant now);

    /** The task was declined: the next party in line takes its role, or the community secretary is told. */
    Uni<Void> declined(Task task, Instant now);

    /** The task was cancelled to give its role to {@code organisationId}: that party's new task. */
    Uni<Task> reassigned(Task task, String organisationId, String reason, Instant now);
}
