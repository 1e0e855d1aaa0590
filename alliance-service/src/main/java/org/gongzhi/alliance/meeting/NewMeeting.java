package org.gongzhi.alliance.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the escalation knows when it blows the whistle: the request, the task that missed its deadline, the parties. */
public record NewMeeting(String communityId, String requestId, int round, UUID taskId, String category,
        String building, String leadOrganisationId, List<String> parties, String missed, Instant deadline) {
}
