package org.gongzhi.volunteer.matching;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the matching and offer endpoints take and give, besides {@link OfferView}. */
public final class MatchingApi {
    private MatchingApi() {
    }

    /** A worker asks for volunteers for a request directly (one request has one matching). */
    public record NewMatching(@NotBlank @Size(max = 64) String requestId, @NotBlank @Size(max = 64) String category,
            @NotBlank @Size(max = 16) String building, @Size(max = 32) String skill, Instant deadline) {
    }

    public record Progress(@NotBlank @Size(max = 1000) String note) {
    }

    /** "Needs a professional": who should take the job over, and why. */
    public record HandOver(@NotNull @Pattern(regexp = "PROPERTY_MANAGEMENT|POLICE|COMMUNITY_OFFICE",
            message = "must be PROPERTY_MANAGEMENT, POLICE or COMMUNITY_OFFICE") String to,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** One offer in a matching, as a worker sees it. */
    public record Attempt(String offerId, String volunteerId, Offer.Status status, int score, String reason,
            Instant offeredAt, Instant expiresAt) {
        static Attempt of(Offer o) {
            return new Attempt(o.id.toString(), o.volunteerId, o.status, o.score, o.reason, o.offeredAt, o.expiresAt);
        }
    }

    /** A matching as a worker sees it: what is needed, how it stands, and every offer made so far. */
    public record MatchingView(String requestId, Matching.Kind kind, Matching.Status status, String category,
            String skill, String building, String householdId, String warningId, Instant deadline,
            List<Attempt> offers) {
        static MatchingView of(Matching m, List<Offer> offers) {
            return new MatchingView(m.requestId, m.kind, m.status, m.category, m.skill, m.building, m.householdId,
                    m.warningId, m.deadline, offers.stream().map(Attempt::of).toList());
        }
    }
}
