package org.gongzhi.request.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The categories residents choose from, the first step of triage. Intake reads them on every request, so this holds
 * the table in memory: read at start, again right after this instance changes it, and every
 * {@code gongzhi.categories.refresh-every} for what another instance changed.
 */
@ApplicationScoped
public class CategoryCatalogue {
    private final TimeLimitsConfig limits;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

    private record Snapshot(List<Category> ordered, Map<String, Category> byCode) {
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
        return CatalogueEntry.<CatalogueEntry>list("order by position, code").map(entries -> {
            Map<String, Category> read = new LinkedHashMap<>();
            entries.forEach(e -> read.put(e.code, Category.of(e)));
            snapshot = new Snapshot(List.copyOf(read.values()), Map.copyOf(read));
            return null;
        });
    }

    public List<Category> all() {
        return snapshot.ordered();
    }

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
