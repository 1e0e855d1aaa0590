package org.gongzhi.request.patrol;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.gongzhi.events.PatrolProblemFound;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.inbox.PoisonEventException;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.estate.EstateRepository;
import org.gongzhi.request.lifecycle.NewRequest;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.TimelineEntry;
import org.jboss.logging.Logger;

/**
 * A problem a patrol found at a risk point (during a weather warning) becomes a request on the {@code rounds} channel,
 * with no resident, through the normal intake: triage, deadlines and {@code request.submitted}, so the alliance routes
 * it. One request per problem: the problem id is the intake's idempotency key. An event the intake can never accept
 * (unknown category, building or place, no location) is poison and goes to the dead-letter topic. The request is
 * where the risk point is: its building, or its named place of the estate registry.
 */
@ApplicationScoped
public class PatrolIntake {
    /** The intake's actor for requests from patrols; with the problem id it makes the idempotency key. */
    static final String ACTOR = "patrol";
    private static final Logger LOG = Logger.getLogger(PatrolIntake.class);
    private static final Set<String> URGENCIES = Set.of("URGENT", "HIGH", "NORMAL", "LOW");

    private final RequestService intake;
    private final RequestRepository requests;
    private final EstateRepository estate;
    private final CategoryCatalogue catalogue;

    PatrolIntake(RequestService intake, RequestRepository requests, EstateRepository estate,
            CategoryCatalogue catalogue) {
        this.intake = intake;
        this.requests = requests;
        this.estate = estate;
        this.catalogue = catalogue;
    }

    /** Runs inside the inbox's transaction. */
    public Uni<Void> problemFound(InboundEvent<PatrolProblemFound> event) {
        PatrolProblemFound p = event.data();
        if (p.problemId() == null || p.problemId().isBlank()) {
            throw poison(event, "no problemId");
        }
        if (p.communityId() == null || p.communityId().isBlank()) {
            throw poison(event, "no communityId");
        }
        if (catalogue.find(p.communityId(), p.category()).isEmpty()) {
            throw poison(event, "unknown category '" + p.category() + "', or one " + p.communityId() + " has withdrawn");
        }
        if (p.urgency() != null && !URGENCIES.contains(p.urgency())) {
            throw poison(event, "unknown urgency '" + p.urgency() + "'");
        }
        // located where the risk point is (its building or its named place); the spot in the patroller's words
        // goes into the description
        String place = blank(p.riskPointPlace()) ? null : p.riskPointPlace().strip();
        if (blank(p.building()) && place == null) {
            throw poison(event, "neither a building nor a place");
        }
        String spot = firstOf(p.place(), p.riskPointName());
        String key = "problem:" + p.problemId();
        return requests.byIdempotencyKey(p.communityId(), ACTOR, key).chain(existing -> {
            if (existing != null) {
                LOG.debugf("problem %s is request %s already", p.problemId(), existing.id);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> located = blank(p.building()) ? Uni.createFrom().voidItem()
                    : estate.building(p.communityId(), p.building()).invoke(b -> {
                        if (b == null) {
                            throw poison(event, "building '" + p.building() + "' is not part of the estate");
                        }
                    }).replaceWithVoid();
            String description = blank(p.description()) ? "Problem found on patrol at " + spot
                    : blank(p.place()) ? p.description().strip() : p.place().strip() + ": " + p.description().strip();
            NewRequest request = new NewRequest(p.category(), cut(description, 2000),
                    blank(p.building()) ? null : p.building(), null, null, place,
                    p.urgency(), null, "rounds", null, null, null, null);
            Caller patrol = Caller.staff(ACTOR, p.communityId());
            return located.chain(() -> Uni.createFrom().deferred(() -> intake.open(patrol, request, key)))
                    .onFailure(ProblemException.class).transform(e -> poison(event, e.getMessage()))
                    .onFailure(ConstraintViolationException.class).transform(e -> poison(event, e.getMessage()))
                    .chain(r -> requests.addToOpened(TimelineEntry.of(r.id, p.foundAt() == null ? r.createdAt
                                    : p.foundAt(), "PATROL", "Found on a patrol"
                                    + (p.riskPointName() == null ? "" : " of risk point " + p.riskPointName())
                                    + (p.warningId() == null ? "" : " during a weather warning"),
                            TimelineEntry.Visibility.PUBLIC, p.organisationId(), event.id())
                            .with("riskPoint", p.riskPointName()).with("duringWarning", p.warningId() != null)));
        });
    }

    private static PoisonEventException poison(InboundEvent<PatrolProblemFound> event, String why) {
        return new PoisonEventException("patrol problem " + event.data().problemId() + " (event " + event.id()
                + ") cannot become a request: " + why, null);
    }

    private static String firstOf(String a, String b) {
        return !blank(a) ? a.strip() : !blank(b) ? b.strip() : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
