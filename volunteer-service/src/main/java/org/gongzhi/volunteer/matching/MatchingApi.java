package org.gongzhi.volunteer.matching;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.gongzhi.events.OrganisationType;

/** What the matching and offer endpoints take and give, besides {@link OfferView}. */
public final class MatchingApi {
    private MatchingApi() {
    }

    /** A worker asks for volunteers for a request directly (one request has one matching). */
    public record NewMatching(@NotBlank @Size(max = 64) String requestId, @NotBlank @Size(max = 64) String category,
            @NotBlank @Size(max = 16) String building, @Size(max = 32) String skill, Instant deadline) {
    }

    /** How the work goes, in the volunteer's words (kept on the task and published). */
    public record Progress(@NotBlank @Size(max = 1000) String note) {
    }

    /**
     * "Needs a professional": the kind of alliance party that should take the job over (an organisation type; the
     * community office when none is named), and why. {@code to} is still read for callers of the first version.
     */
    public record HandOver(@JsonAlias("to") @Pattern(regexp = OrganisationType.PATTERN,
            message = OrganisationType.MESSAGE) String handOverTo,
            @NotBlank @Size(max = 500) String reason) {
        /** Who takes a job over when the volunteer names nobody. */
        public static final String DEFAULT_PARTY = OrganisationType.COMMUNITY_OFFICE.name();

        /** The party named, or the community office. */
        public String party() {
            return handOverTo == null || handOverTo.isBlank() ? DEFAULT_PARTY : handOverTo;
        }
    }

    /** One offer in a matching, as a worker sees it. */
    public record Attempt(String offerId, String volunteerId, Offer.Status status, int score, String reason,
            Instant offeredAt, Instant expiresAt, String progressNote, Instant progressAt, String handedOverTo) {
        static Attempt of(Offer o) {
            return new Attempt(o.id.toString(), o.volunteerId, o.status, o.score, o.reason, o.offeredAt, o.expiresAt,
                    o.progressNote, o.progressAt, o.handedOverTo);
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
