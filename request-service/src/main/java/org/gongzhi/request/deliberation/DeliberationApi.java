package org.gongzhi.request.deliberation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records the deliberation hall's API takes and gives. */
public final class DeliberationApi {
    private DeliberationApi() {
    }

    public record NewTopic(@NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 4000) String description,
            @Size(max = 32) List<@NotBlank String> buildings, @Size(max = 50) List<@NotNull UUID> requestIds) {
    }

    public record NewComment(@NotBlank @Size(max = 2000) String text, UUID parentId) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    public record NewVote(@NotBlank @Size(max = 300) String question,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 40) String> options,
            @NotNull VoteRule rule,
            @DecimalMin("0") @DecimalMax("1") BigDecimal quorum,
            Instant opensAt,
            @NotNull @Future Instant closesAt) {
    }

    public record HouseholdRef(@NotBlank String building, @NotBlank String unit, @NotBlank String household) {
    }

    public record Cast(@NotBlank String choice, @Valid HouseholdRef household) {
    }

    public record OfflineBallot(@NotNull @Valid HouseholdRef household, @NotBlank String choice) {
    }

    public record NewProxy(@NotNull @Valid HouseholdRef household, @NotBlank @Size(max = 64) String residentId) {
    }

    public record NewActionItem(@NotBlank @Size(max = 200) String title, @NotBlank String category,
            @Size(max = 16) String building, @Size(max = 80) String place) {
    }

    public record NewDecision(@NotBlank @Size(max = 200) String outcome, @NotBlank @Size(max = 4000) String summary,
            @NotNull @Size(max = 20) List<@Valid NewActionItem> actionItems) {
    }

    public record NewMeeting(@NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 120) String place,
            @NotNull Instant startsAt, @NotEmpty @Size(max = 20) List<@NotNull UUID> topicIds) {
    }

    public record Minutes(@NotBlank @Size(max = 20000) String text) {
    }

    public record Attendance(@NotNull @Size(max = 500) List<@NotBlank String> residentIds) {
    }

    public record CommentView(UUID id, UUID parentId, String author, String text, boolean hidden, String hiddenReason,
            Instant createdAt) {
        static CommentView of(TopicComment c) {
            return new CommentView(c.id, c.parentId, c.author, c.hidden ? null : c.text, c.hidden, c.hiddenReason,
                    c.createdAt);
        }
    }

    public record ActionItemView(String title, UUID requestId, String status, boolean done) {
    }

    public record DecisionView(String outcome, String summary, Instant decidedAt, List<ActionItemView> actionItems,
            int progressPercent, boolean done) {
    }

    public record VoteSummary(UUID id, String question, List<String> options, VoteRule rule, Instant opensAt,
            Instant closesAt, boolean closed, String outcome, String winner) {
        static VoteSummary of(Vote v) {
            return new VoteSummary(v.id, v.question, v.optionList(), v.rule, v.opensAt, v.closesAt, v.closed,
                    v.outcome, v.winner);
        }
    }

    public record TopicView(UUID id, String title, String description, List<String> buildings, Topic.Status status,
            String proposedBy, Instant createdAt, long supporters, List<UUID> linkedRequests,
            List<CommentView> comments, List<VoteSummary> votes, DecisionView decision) {
    }

    public record Suggestion(String category, String building, long requests, List<UUID> requestIds) {
    }

    public record VoteView(VoteSummary vote, int eligibleHouseholds, int participatingHouseholds,
            java.util.Map<String, Integer> households, java.util.Map<String, BigDecimal> area, String myChoice) {
    }

    public record BallotView(String building, String unit, String household, String choice, String castBy,
            boolean byProxy, String recordedBy, Instant castAt) {
    }

    public record MeetingView(UUID id, String title, String place, Instant startsAt, List<String> topicIds,
            String minutes, long registered, long attended) {
    }
}
