package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.gongzhi.events.PlaceRegistered;
import org.gongzhi.events.PlaceRemoved;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;

/**
 * The estate's named places (小区东门, 北广场) per community: each change published
 * ({@code gongzhi.estate.places}, compacted) in its transaction so every service's copy follows. A place a request
 * or a risk point is at stays.
 */
@ApplicationScoped
public class PlaceService {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final EstateRepository estate;
    private final Outbox outbox;
    private final Clock clock;

    PlaceService(EstateRepository estate, Outbox outbox, Clock clock) {
        this.estate = estate;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What {@link #register} did: whether the place is new, and the place as it now stands. */
    public record Registration(boolean created, PlaceView place) {
    }

    /** Registers a place of the community or changes it; a change that changes nothing is not published again. */
    @WithTransaction
    public Uni<Registration> register(String communityId, String code, @Valid @NotNull NewPlace request) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be 1 to 32 lower-case letters, digits or '-'");
        }
        return estate.place(communityId, code).chain(existing -> {
            if (existing != null && Objects.equals(existing.name, request.name().strip())
                    && Objects.equals(existing.nameEn, request.nameEn().strip())) {
                return Uni.createFrom().item(new Registration(false, PlaceView.of(existing)));
            }
            Place p = existing != null ? existing : new Place();
            p.communityId = communityId;
            p.code = code;
            p.name = request.name().strip();
            p.nameEn = request.nameEn().strip();
            p.version = existing != null ? existing.version + 1 : 1;
            p.changedAt = clock.instant();
            Uni<Place> stored = existing != null ? Uni.createFrom().item(p) : p.persist();
            return stored.chain(() -> outbox.add(new PlaceRegistered(p.communityId, p.code, p.name, p.nameEn,
                            p.version, p.changedAt)))
                    .replaceWith(new Registration(existing == null, PlaceView.of(p)));
        });
    }

    @WithSession
    public Uni<List<PlaceView>> places(String communityId) {
        return estate.places(communityId).map(list -> list.stream().map(PlaceView::of).toList());
    }

    /** The community's place; 404 for one it does not have. */
    @WithSession
    public Uni<PlaceView> place(String communityId, String code) {
        return estate.place(communityId, code).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("place", code);
            }
            return PlaceView.of(p);
        });
    }

    /** Removes a place; refused (409) while a request at it is not over or a risk point of the alliance is there. */
    @WithTransaction
    public Uni<Void> remove(String communityId, String code) {
        return estate.place(communityId, code).chain(place -> {
            if (place == null) {
                throw ProblemException.notFound("place", code);
            }
            // a risk point stays for good (there is no removing one), so it is said first
            return estate.riskPointAt(communityId, code).chain(riskPoint -> {
                if (riskPoint != null) {
                    throw ProblemException.conflict("risk point " + riskPoint.id + " (" + riskPoint.name
                            + ") is at place " + code + "; it cannot be removed while the risk point is there");
                }
                return estate.hasOpenRequestsAt(communityId, code);
            }).chain(open -> {
                if (open) {
                    throw ProblemException.conflict("place " + code + " has open requests; close them (or move "
                            + "them elsewhere) before removing it");
                }
                long version = place.version + 1;
                return estate.removePlace(communityId, code).chain(() -> outbox.add(
                        new PlaceRemoved(communityId, code, version, clock.instant()))).replaceWithVoid();
            });
        });
    }
}
