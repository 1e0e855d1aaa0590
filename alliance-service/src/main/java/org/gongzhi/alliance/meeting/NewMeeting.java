package org.gongzhi.alliance.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the escalation knows when it blows the whistle: the request, the task that missed its deadline, the parties
 * (by id, and their names by id as their tasks name them).
 */
public record NewMeeting(String communityId, String requestId, int round, UUID taskId, String category,
        String building, String leadOrganisationId, List<String> parties, Map<String, String> partyNames,
        String missed, Instant deadline) {
}
