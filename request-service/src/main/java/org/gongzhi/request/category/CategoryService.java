package org.gongzhi.request.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.time.Instant;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.request.estate.EstateRepository;

/**
 * Adds and changes the catalogue's categories, and withdraws one from a community or takes it back; each change is
 * published ({@code gongzhi.estate.category.defined.v1}, {@code gongzhi.estate.category.availability-changed.v1}) in
 * its transaction, so every service's copy follows.
 */
@ApplicationScoped
public class CategoryService {
    private final CategoryCatalogue catalogue;
    private final Outbox outbox;
    private final Clock clock;

    private final EstateRepository estate;

    CategoryService(CategoryCatalogue catalogue, Outbox outbox, Clock clock, EstateRepository estate) {
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.clock = clock;
        this.estate = estate;
    }

    public Uni<Category> add(@Valid @NotNull NewCategory input) {
        if (input.code() == null) {
            throw ProblemException.invalid("code", "must not be blank");
        }
        check(input);
        return Panache.withTransaction(() -> CatalogueEntry.<CatalogueEntry>findById(input.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("category " + input.code() + " already exists; change it with PUT");
            }
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                    "select max(e.position) from CatalogueEntry e", Integer.class).getSingleResultOrNull());
        }).chain(last -> {
            CatalogueEntry e = new CatalogueEntry();
            e.code = input.code();
            e.position = last == null ? 1 : last + 1;
            e.version = 1;
            fill(e, input);
            return e.persist().chain(() -> publish(e));
        })).chain(this::reloaded);
    }

    public Uni<Category> change(String code, @Valid @NotNull NewCategory input) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("code", "the path names category " + code + ", the body " + input.code());
        }
        check(input);
        return Panache.withTransaction(() -> CatalogueEntry.<CatalogueEntry>findById(code).chain(e -> {
            if (e == null) {
                throw ProblemException.notFound("category", code);
            }
            e.version++;
            fill(e, input);
            return publish(e);
        })).chain(this::reloaded);
    }

    /**
     * Withdraws the category from the community; refused (409) while a request of it there is not over, the rule of
     * removing a building. Withdrawing it again changes nothing and publishes nothing.
     */
    public Uni<Void> withdraw(String communityId, String code) {
        // a request being filed in the category (or triaged into it) commits first and is then open here, or finds
        // the category withdrawn
        return Panache.withTransaction(() -> known(code)
                .chain(() -> estate.lockCategory(communityId, code))
                .chain(() -> estate.hasOpenRequestsOfCategory(communityId, code))
                .chain(open -> {
                    if (open) {
                        throw ProblemException.conflict("community " + communityId + " has open requests of category "
                                + code + "; close them (or recategorise them) before withdrawing it");
                    }
                    return record(communityId, code, true);
                })).chain(() -> Panache.withSession(catalogue::reload));
    }

    /** Takes a withdrawn category back into the community; taking back one that is not withdrawn changes nothing. */
    public Uni<Void> restore(String communityId, String code) {
        return Panache.withTransaction(() -> known(code).chain(() -> record(communityId, code, false)))
                .chain(() -> Panache.withSession(catalogue::reload));
    }

    /** The category, locked: one community's choices of it take turns, so each version is given once. */
    private Uni<CatalogueEntry> known(String code) {
        return CatalogueEntry.<CatalogueEntry>findById(code, LockModeType.PESSIMISTIC_WRITE).map(e -> {
            if (e == null) {
                throw ProblemException.notFound("category", code);
            }
            return e;
        });
    }

    /**
     * Sets the community's own time limits for the category (a request not marked URGENT is due by them there), in
     * place of the catalogue's; requests already filed keep their deadlines. Answers the category as the community
     * now has it.
     */
    public Uni<Category> limit(String communityId, String code, @Valid @NotNull CommunityTimeLimits limits) {
        checkLimits(limits.respondWithin(), limits.resolveWithin());
        return Panache.withTransaction(() -> known(code).chain(() -> record(communityId, code,
                        was -> new Choice(was.withdrawn(), limits.respondWithin().toString(),
                                limits.resolveWithin().toString()))))
                .chain(() -> Panache.withSession(catalogue::reload))
                .map(ignored -> catalogue.of(communityId, code).orElseThrow());
    }

    /** The community keeps the catalogue's time limits for the category again. */
    public Uni<Void> unlimit(String communityId, String code) {
        return Panache.withTransaction(() -> known(code).chain(() -> record(communityId, code,
                        was -> new Choice(was.withdrawn(), null, null))))
                .chain(() -> Panache.withSession(catalogue::reload));
    }

    /** A community's whole choice of a category: withdrawn or offered, and its own time limits (null: the catalogue's). */
    private record Choice(boolean withdrawn, String respondWithin, String resolveWithin) {
    }

    /** Records and publishes the community's choice when it changes, with the next version of its key. */
    private Uni<Void> record(String communityId, String code, boolean withdraw) {
        return record(communityId, code, was -> new Choice(withdraw, was.respondWithin(), was.resolveWithin()));
    }

    private Uni<Void> record(String communityId, String code, UnaryOperator<Choice> change) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select withdrawn, respond_within, resolve_within,"
                        + " version from category_withdrawal where community_id = ?1 and code = ?2", Object[].class)
                .setParameter(1, communityId).setParameter(2, code).getResultList()
                .chain(rows -> {
                    Choice was = rows.isEmpty() ? new Choice(false, null, null)
                            : new Choice((Boolean) rows.get(0)[0], (String) rows.get(0)[1], (String) rows.get(0)[2]);
                    Choice next = change.apply(was);
                    if (next.equals(was)) {
                        return Uni.createFrom().voidItem();
                    }
                    long version = rows.isEmpty() ? 1 : ((Number) rows.get(0)[3]).longValue() + 1;
                    Instant now = clock.instant();
                    return s.createNativeQuery("insert into category_withdrawal (community_id, code, withdrawn,"
                                    + " respond_within, resolve_within, version, changed_at)"
                                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                    + " on conflict (community_id, code) do update set withdrawn = excluded.withdrawn,"
                                    + " respond_within = excluded.respond_within,"
                                    + " resolve_within = excluded.resolve_within,"
                                    + " version = excluded.version, changed_at = excluded.changed_at")
                            .setParameter(1, communityId).setParameter(2, code).setParameter(3, next.withdrawn())
                            .setParameter(4, next.respondWithin()).setParameter(5, next.resolveWithin())
                            .setParameter(6, version).setParameter(7, now).executeUpdate()
                            .chain(() -> outbox.add(new CategoryAvailabilityChanged(communityId, code,
                                    next.withdrawn(), next.respondWithin(), next.resolveWithin(), version, now)))
                            .replaceWithVoid();
                }));
    }

    private Uni<Category> reloaded(CatalogueEntry e) {
        return Panache.withSession(catalogue::reload).replaceWith(Category.of(e));
    }

    private static void check(NewCategory input) {
        checkLimits(input.respondWithin(), input.resolveWithin());
        if (input.tracks().stream().distinct().count() != input.tracks().size()) {
            throw ProblemException.invalid("tracks", "names a track twice");
        }
    }

    private static void checkLimits(Duration respondWithin, Duration resolveWithin) {
        if (respondWithin.isNegative() || respondWithin.isZero()) {
            throw ProblemException.invalid("respondWithin", "must be longer than nothing");
        }
        if (resolveWithin.compareTo(respondWithin) < 0) {
            throw ProblemException.invalid("resolveWithin", "must not be shorter than respondWithin");
        }
    }

    private void fill(CatalogueEntry e, NewCategory input) {
        e.nameZh = input.nameZh();
        e.nameEn = input.nameEn();
        e.tracks = String.join(",", input.tracks());
        e.defaultUrgency = input.defaultUrgency().name();
        e.respondWithin = input.respondWithin().toString();
        e.resolveWithin = input.resolveWithin().toString();
        e.skill = input.skill();
        e.definedAt = clock.instant();
    }

    private Uni<CatalogueEntry> publish(CatalogueEntry e) {
        return outbox.add(new CategoryDefined(CategoryDefined.EVERY_COMMUNITY, e.code, e.nameZh, e.nameEn,
                List.of(e.tracks.split(",")), e.defaultUrgency, e.respondWithin, e.resolveWithin, e.skill, e.version,
                e.definedAt)).replaceWith(e);
    }

}
