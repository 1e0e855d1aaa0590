package org.gongzhi.request.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongzhi.events.CategoryAvailabilityChanged;

/**
 * The categories residents choose from, the first step of triage, less those a community has withdrawn, with the time
 * limits a community has set for itself in place of the catalogue's. Intake reads
 * them on every request, so this holds the tables in memory: read at start, again right after this instance changes
 * them, and every {@code gongzhi.categories.refresh-every} for what another instance changed.
 */
@ApplicationScoped
public class CategoryCatalogue {
    private final TimeLimitsConfig limits;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Set.of(), Map.of());

    /**
     * {@code withdrawn}: {@code communityId/code} of each category a community has withdrawn; {@code limits}: the time
     * limits a community set for a category, by {@code communityId/code}.
     */
    private record Snapshot(List<Category> ordered, Map<String, Category> byCode, Set<String> withdrawn,
            Map<String, Limits> limits) {
        boolean offers(String communityId, Category c) {
            return !withdrawn.contains(CategoryAvailabilityChanged.key(communityId, c.code()));
        }

        /** The community's own time limits for the category, or null where the catalogue's apply. */
        Limits own(String communityId, Category c) {
            return limits.get(CategoryAvailabilityChanged.key(communityId, c.code()));
        }

        Category in(String communityId, Category c) {
            Limits own = own(communityId, c);
            return own == null ? c : c.within(own.respondWithin(), own.resolveWithin());
        }
    }

    private record Limits(Duration respondWithin, Duration resolveWithin) {
    }

    CategoryCatalogue(TimeLimitsConfig limits) {
        this.limits = limits;
    }

    void load(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(this::reload));
    }

    @Scheduled(every = "${gongzhi.categories.refresh-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(this::reload);
    }

    /** Reads the table again; runs in the caller's session (after a change commits, or on its own). */
    Uni<Void> reload() {
        return CatalogueEntry.<CatalogueEntry>list("order by position, code").chain(entries -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select community_id || '/' || code, withdrawn, respond_within,"
                        + " resolve_within from category_withdrawal", Object[].class).getResultList())
                .map(choices -> {
                    Map<String, Category> read = new LinkedHashMap<>();
                    entries.forEach(e -> read.put(e.code, Category.of(e)));
                    Set<String> withdrawn = new HashSet<>();
                    Map<String, Limits> limits = new HashMap<>();
                    for (Object[] choice : choices) {
                        if ((Boolean) choice[1]) {
                            withdrawn.add((String) choice[0]);
                        }
                        if (choice[2] != null) {
                            limits.put((String) choice[0], new Limits(Duration.parse((String) choice[2]),
                                    Duration.parse((String) choice[3])));
                        }
                    }
                    snapshot = new Snapshot(List.copyOf(read.values()), Map.copyOf(read), Set.copyOf(withdrawn),
                            Map.copyOf(limits));
                    return null;
                }));
    }

    /** The categories the community offers, with its own time limits: the catalogue less what it has withdrawn. */
    public List<Category> all(String communityId) {
        Snapshot now = snapshot;
        return now.ordered().stream().filter(c -> now.offers(communityId, c)).map(c -> now.in(communityId, c))
                .toList();
    }

    /**
     * A community's choice of each category of the catalogue, withdrawn ones included: what its workers choose from
     * (the console's estate page). {@code own} is the community's own time limits, null where the catalogue's apply.
     */
    public List<Choice> choices(String communityId) {
        Snapshot now = snapshot;
        return now.ordered().stream().map(c -> {
            Limits own = now.own(communityId, c);
            return new Choice(c, !now.offers(communityId, c), own == null ? null : own.respondWithin(),
                    own == null ? null : own.resolveWithin());
        }).toList();
    }

    /** A category of the catalogue as one community has chosen it. */
    public record Choice(Category category, boolean withdrawn, Duration ownRespondWithin, Duration ownResolveWithin) {
    }

    /**
     * A category the community offers, with its own time limits; empty for an unknown code and for one the community
     * has withdrawn.
     */
    public Optional<Category> find(String communityId, String code) {
        Snapshot now = snapshot;
        return find(code).filter(c -> now.offers(communityId, c)).map(c -> now.in(communityId, c));
    }

    /**
     * A category of the catalogue with the community's own time limits, whether or not the community still offers it:
     * for what a request of the community already names.
     */
    public Optional<Category> of(String communityId, String code) {
        Snapshot now = snapshot;
        return find(code).map(c -> now.in(communityId, c));
    }

    /**
     * A category of the catalogue whether or not a community offers it: for what a request already names (a request
     * filed before its category was withdrawn keeps it).
     */
    public Optional<Category> find(String code) {
        return Optional.ofNullable(code).map(snapshot.byCode()::get);
    }

    public Duration respondWithin(Category category, Urgency urgency) {
        return urgency == Urgency.URGENT ? limits.urgentDangerRespond() : category.respondWithin();
    }

    public Duration resolveWithin(Category category, Urgency urgency) {
        return urgency == Urgency.URGENT ? limits.urgentDangerResolve() : category.resolveWithin();
    }
}
