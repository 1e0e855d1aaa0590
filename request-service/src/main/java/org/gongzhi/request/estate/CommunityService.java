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
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;

/**
 * The communities of the registry and their sub-districts: each change published ({@code gongzhi.estate.communities},
 * compacted) in its transaction. An admin registers any community; a sub-district office only its own sub-district's.
 */
@ApplicationScoped
public class CommunityService {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,48}");

    private final Outbox outbox;
    private final Clock clock;

    CommunityService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What {@link #register} did: whether the community is new, and the community as it now stands. */
    public record Registration(boolean created, CommunityView community) {
    }

    /** Registers a community or changes it; a change that changes nothing is not published again. */
    @WithTransaction
    public Uni<Registration> register(Caller caller, String id, @Valid @NotNull NewCommunity request) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "must be 1 to 48 lower-case letters, digits or '-'");
        }
        mayRegisterIn(caller, request.subdistrict().id());
        return Community.<Community>findById(id).chain(existing -> {
            if (existing != null) {
                mayRegisterIn(caller, existing.subdistrictId);
                if (same(existing, request)) {
                    return Uni.createFrom().item(new Registration(false, CommunityView.of(existing)));
                }
            }
            Community c = existing != null ? existing : new Community();
            c.id = id;
            c.name = request.name();
            c.nameEn = request.nameEn();
            c.subdistrictId = request.subdistrict().id();
            c.subdistrictName = request.subdistrict().name();
            c.subdistrictNameEn = request.subdistrict().nameEn();
            c.version = existing != null ? existing.version + 1 : 1;
            c.changedAt = clock.instant();
            Uni<Community> stored = existing != null ? Uni.createFrom().item(c) : c.persist();
            return stored.chain(() -> outbox.add(registered(c)))
                    .replaceWith(new Registration(existing == null, CommunityView.of(c)));
        });
    }

    /** Every community, or a sub-district office's own. */
    @WithSession
    public Uni<List<CommunityView>> communities(Caller caller) {
        Uni<List<Community>> found = caller.subdistrict() != null
                ? Community.list("subdistrictId = ?1 order by id", caller.subdistrict())
                : Community.list("order by subdistrictId, id");
        return found.map(list -> list.stream().map(CommunityView::of).toList());
    }

    private static void mayRegisterIn(Caller caller, String subdistrict) {
        if (caller.subdistrict() != null && !caller.subdistrict().equals(subdistrict)) {
            throw ProblemException.forbidden("A sub-district office registers only its own sub-district's communities");
        }
    }

    private static boolean same(Community c, NewCommunity r) {
        return Objects.equals(c.name, r.name()) && Objects.equals(c.nameEn, r.nameEn())
                && Objects.equals(c.subdistrictId, r.subdistrict().id())
                && Objects.equals(c.subdistrictName, r.subdistrict().name())
                && Objects.equals(c.subdistrictNameEn, r.subdistrict().nameEn());
    }

    private CommunityRegistered registered(Community c) {
        return new CommunityRegistered(c.id, c.name, c.nameEn,
                new CommunityRegistered.SubDistrict(c.subdistrictId, c.subdistrictName, c.subdistrictNameEn),
                c.version, c.changedAt);
    }
}
