package org.gongzhi.alliance.risk;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.alliance.organisation.OrganisationRepository;
import org.gongzhi.events.RiskPointRegistered;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;

/** The registry of risk points, each in a building or at a named place of the estate registry. */
@ApplicationScoped
public class RiskPointService {
    private final OrganisationRepository organisations;
    private final Clock clock;
    private final Estate estate;
    private final Outbox outbox;

    RiskPointService(OrganisationRepository organisations, Clock clock, Estate estate, Outbox outbox) {
        this.organisations = organisations;
        this.clock = clock;
        this.estate = estate;
        this.outbox = outbox;
    }

    /**
     * Registers a risk point in a building or at a named place of its community (as the alliance's copy of the estate
     * registry has them) and publishes where it is, so the registry keeps that building or place while it is there.
     */
    @WithTransaction
    public Uni<RiskPointView> register(String communityId, @Valid @NotNull NewRiskPoint input) {
        return estate.buildings(communityId)
                .invoke(known -> Estate.require(input.building(), known, "building", "building"))
                .chain(() -> estate.places(communityId))
                .invoke(known -> Estate.require(input.place(), known, "place", "place"))
                .chain(() -> organisations.find(communityId, input.organisation())).chain(o -> {
            if (o == null) {
                throw ProblemException.invalid("organisation", "unknown organisation '" + input.organisation() + "'");
            }
            if (input.building() == null && input.place() == null) {
                throw ProblemException.invalid("building", "name a building or a place");
            }
            if (input.building() != null && input.place() != null) {
                throw ProblemException.invalid("place", "a building or a place, not both");
            }
            return RiskPoint.<RiskPoint>findById(input.id());
        }).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("risk point " + input.id() + " is already registered");
            }
            RiskPoint p = new RiskPoint();
            p.id = input.id();
            p.communityId = communityId;
            p.name = input.name().strip();
            p.building = input.building();
            p.place = input.place();
            p.kind = input.kind().strip();
            p.warningTypes = input.warningTypes().stream().distinct().toList();
            p.organisationId = input.organisation();
            if (input.checklist() == null || input.checklist().isEmpty()) {
                List<RiskKind.Check> defaults = RiskKind.of(input.kind()).checklist();
                p.checklist = defaults.stream().map(RiskKind.Check::zh).toList();
                p.checklistEn = defaults.stream().map(RiskKind.Check::en).toList();
            } else {
                p.checklist = List.copyOf(input.checklist());
                p.checklistEn = List.of();
            }
            p.createdAt = clock.instant();
            p.version = 1;
            return p.<RiskPoint>persist()
                    .call(() -> outbox.add(new RiskPointRegistered(p.communityId, p.id, p.name, p.building, p.place,
                            p.version, p.createdAt)))
                    .map(RiskPointView::of);
        });
    }

    @WithTransaction
    public Uni<List<RiskPointView>> list(String communityId) {
        return RiskPoint.<RiskPoint>list("communityId = ?1 order by id", communityId)
                .map(list -> list.stream().map(RiskPointView::of).toList());
    }
}
