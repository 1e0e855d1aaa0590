package org.gongzhi.events;

import java.time.Instant;

/**
 * A task missed a deadline and was escalated (1 backup contact, 2 community secretary, 3 joint "whistle" meeting).
 * {@code missed} is {@code acknowledge} or {@code complete}, {@code deadline} the moment it was due; {@code escalatedTo}
 * names who the step goes to ({@code backup}, {@code secretary}, {@code whistle}): for {@code backup} the contact's id
 * and name at the organisation, when one is on the rota. Ids and names only, never a phone number or an email
 * address: the notification service holds the addresses of those it tells.
 */
public record TaskEscalated(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        int level,
        String reason,
        Instant escalatedAt,
        String category,
        String building,
        String missed,
        Instant deadline,
        String escalatedTo,
        String contactId,
        String contactName) implements GongzhiEvent {

    public static final String MISSED_ACKNOWLEDGE = "acknowledge";
    public static final String MISSED_COMPLETE = "complete";
    public static final String NOTIFY_BACKUP = "backup";
    public static final String NOTIFY_SECRETARY = "secretary";
    public static final String NOTIFY_WHISTLE = "whistle";

    /** An escalation as first published, without the request, the deadline and the person to tell. */
    public TaskEscalated(String communityId, String taskId, String requestId, String organisationId, int level,
            String reason, Instant escalatedAt) {
        this(communityId, taskId, requestId, organisationId, level, reason, escalatedAt, null, null, null, null, null,
                null, null);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
