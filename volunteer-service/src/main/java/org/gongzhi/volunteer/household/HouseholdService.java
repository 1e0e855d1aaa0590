package org.gongzhi.volunteer.household;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.volunteer.matching.MatchingConfig;
import org.gongzhi.volunteer.matching.MatchingService;
import org.gongzhi.volunteer.matching.VisitPlaces;
import org.gongzhi.volunteer.team.Building;

/** Households flagged for an emergency check, and the visits a weather warning sends to them. */
@ApplicationScoped
public class HouseholdService {
    private final Clock clock;
    private final MatchingService matching;
    private final MatchingConfig config;

    HouseholdService(Clock clock, MatchingService matching, MatchingConfig config) {
        this.clock = clock;
        this.matching = matching;
        this.config = config;
    }

    @WithTransaction
    public Uni<HouseholdView> flag(@Valid @NotNull NewHousehold input, String communityId, String worker) {
        return Building.onGrid(communityId, input.building()).chain(building -> {
            if (building == null) {
                throw ProblemException.invalid("building", "building '" + input.building() + "' is not on the grid");
            }
            Household h = new Household();
            h.id = UUID.randomUUID();
            h.communityId = communityId;
            h.building = input.building();
            h.unit = input.unit();
            h.door = input.door();
            h.need = input.need();
            h.note = input.note();
            h.flaggedAt = clock.instant();
            h.flaggedBy = worker;
            return h.persist().replaceWith(HouseholdView.of(h));
        });
    }

    @WithSession
    public Uni<List<HouseholdView>> flagged(String communityId) {
        return Household.<Household>list("communityId = ?1 and active = true order by building, unit, door",
                communityId).map(list -> list.stream().map(HouseholdView::of).toList());
    }

    /** The flag is lifted; the row stays (visits already made refer to it). */
    @WithTransaction
    public Uni<Void> unflag(UUID id, String communityId) {
        return Household.<Household>findById(id).chain(h -> {
            if (h == null || !h.communityId.equals(communityId) || !h.active) {
                throw ProblemException.notFound("household", id.toString());
            }
            h.active = false;
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * One check-on-neighbour visit per flagged household of the warning's community, to be done within
     * {@code visit-within} of now but not after the warning ends. Runs in the consumer's transaction.
     */
    public Uni<Void> warningIssued(InboundEvent<WarningIssued> event) {
        WarningIssued w = event.data();
        Instant now = clock.instant();
        Instant within = now.plus(config.visitWithin());
        Instant deadline = w.until() != null && w.until().isBefore(within) && w.until().isAfter(now) ? w.until()
                : within;
        return Household.<Household>list("communityId = ?1 and active = true order by building, id", w.communityId())
                .chain(households -> matching.startVisits(w.communityId(), w.warningId(), households.stream()
                        .map(h -> new VisitPlaces.Target(h.id, h.building)).toList(), deadline));
    }

    /**
     * The warning is lifted: its visits not yet done are withdrawn (open offers cancelled, nothing reported as
     * missed afterwards). Runs in the consumer's transaction.
     */
    public Uni<Void> warningLifted(InboundEvent<WarningLifted> event) {
        WarningLifted w = event.data();
        return matching.withdrawVisits(w.communityId(), w.warningId());
    }
}
