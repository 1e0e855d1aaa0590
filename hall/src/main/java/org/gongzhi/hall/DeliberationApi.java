package org.gongzhi.hall;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "A matter for the hall; workers may link the requests it grew from", example = """
            {"title": "北巷停车 Parking in the north lane",
             "description": "Cars block the lane every night; where may they park?", "buildings": ["7", "8"],
             "requestIds": ["3f6c1a52-8d0e-4c1b-9a57-2b7f0e4d9c11"]}""")
    public record NewTopic(@NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 4000) String description,
            @Size(max = 32) List<@NotBlank String> buildings, @Size(max = 50) List<@NotNull UUID> requestIds) {
    }

    @Schema(description = "A comment, or a reply to one", example = """
            {"text": "Paint bays on the east side", "parentId": null}""")
    public record NewComment(@NotBlank @Size(max = 2000) String text, UUID parentId) {
    }

    @Schema(description = "Why a comment is hidden", example = """
            {"reason": "insulting a neighbour"}""")
    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "A vote: question, options (the first means yes), rule, quorum and window", example = """
            {"question": "Paint parking bays on the east side?", "options": ["approve", "reject"],
             "rule": "SIMPLE_MAJORITY", "quorum": 0.5, "opensAt": "2026-12-05T10:00:00+08:00",
             "closesAt": "2026-12-12T20:00:00+08:00"}""")
    public record NewVote(@NotBlank @Size(max = 300) String question,
            @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 40) String> options,
            @NotNull VoteRule rule,
            @DecimalMin("0") @DecimalMax("1") BigDecimal quorum,
            Instant opensAt,
            @NotNull @Future Instant closesAt) {
    }

    public record HouseholdRef(@NotBlank String building, @NotBlank String unit, @NotBlank String household) {
    }

    @Schema(description = "A ballot: the choice, and the household when voting as its registered proxy", example = """
            {"choice": "approve", "household": {"building": "7", "unit": "1", "household": "102"}}""")
    public record Cast(@NotBlank String choice, @Valid HouseholdRef household) {
    }

    @Schema(description = "A paper or show-of-hands ballot for a household", example = """
            {"household": {"building": "7", "unit": "2", "household": "201"}, "choice": "reject"}""")
    public record OfflineBallot(@NotNull @Valid HouseholdRef household, @NotBlank String choice) {
    }

    @Schema(description = "A resident registered to vote for a household", example = """
            {"household": {"building": "7", "unit": "2", "household": "202"}, "residentId": "r-2077"}""")
    public record NewProxy(@NotNull @Valid HouseholdRef household, @NotBlank @Size(max = 64) String residentId) {
    }

    public record NewActionItem(@NotBlank @Size(max = 200) String title, @NotBlank String category,
            @Size(max = 16) String building, @Size(max = 80) String place) {
    }

    @Schema(description = "The hall's decision and the action items that carry it out", example = """
            {"outcome": "approved", "summary": "Bays on the east side; no parking in the lane",
             "actionItems": [{"title": "Paint parking bays", "category": "parking", "building": "7"}]}""")
    public record NewDecision(@NotBlank @Size(max = 200) String outcome, @NotBlank @Size(max = 4000) String summary,
            @NotNull @Size(max = 20) List<@Valid NewActionItem> actionItems) {
    }

    @Schema(description = "A session of the hall with its agenda", example = """
            {"title": "议事厅第12次会议", "place": "社区活动室 community room", "startsAt": "2026-12-10T19:00:00+08:00",
             "topicIds": ["9b2d4e61-0c3a-4f7e-8d15-6a0b3c2e1f48"]}""")
    public record NewMeeting(@NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 120) String place,
            @NotNull Instant startsAt, @NotEmpty @Size(max = 20) List<@NotNull UUID> topicIds) {
    }

    @Schema(description = "The minutes of a session", example = """
            {"text": "12 households attended. Agreed a corridor clean-up day on 12-20."}""")
    public record Minutes(@NotBlank @Size(max = 20000) String text) {
    }

    @Schema(description = "Who attended", example = """
            {"residentIds": ["r-2041", "r-2077"]}""")
    public record Attendance(@NotNull @Size(max = 500) List<@NotBlank String> residentIds) {
    }

    /** A comment or reply ({@code parentId}); a hidden one shows the reason, never its text. */
    public record CommentView(UUID id, UUID parentId, String author, String text, boolean hidden, String hiddenReason,
            Instant createdAt) {
        static CommentView of(TopicComment c) {
            return of(c.id, c.parentId, c.author, c.text, c.hidden, c.hiddenReason, c.createdAt);
        }

        static CommentView of(UUID id, UUID parentId, String author, String text, boolean hidden, String hiddenReason,
                Instant createdAt) {
            return new CommentView(id, parentId, author, hidden ? null : text, hidden, hiddenReason, createdAt);
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

    /**
     * A topic as the hall shows it: {@code comments} are the newest 20 of its discussion, oldest of them first, and
     * {@code commentCount} counts all of it, hidden comments included (the rest: {@code GET /topics/{id}/comments}).
     */
    public record TopicView(UUID id, String title, String description, List<String> buildings, Topic.Status status,
            String proposedBy, Instant createdAt, long supporters, List<UUID> linkedRequests,
            List<CommentView> comments, long commentCount, List<VoteSummary> votes, DecisionView decision) {
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
