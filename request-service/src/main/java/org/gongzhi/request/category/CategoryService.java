package org.gongzhi.request.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;

/**
 * Adds and changes the catalogue's categories; each change is published ({@code gongzhi.estate.category.defined.v1})
 * in its transaction, so every service's copy follows.
 */
@ApplicationScoped
public class CategoryService {
    private final CategoryCatalogue catalogue;
    private final Outbox outbox;
    private final Clock clock;

    CategoryService(CategoryCatalogue catalogue, Outbox outbox, Clock clock) {
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.clock = clock;
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

    private Uni<Category> reloaded(CatalogueEntry e) {
        return Panache.withSession(catalogue::reload).replaceWith(Category.of(e));
    }

    private static void check(NewCategory input) {
        if (input.respondWithin().isNegative() || input.respondWithin().isZero()) {
            throw ProblemException.invalid("respondWithin", "must be longer than nothing");
        }
        if (input.resolveWithin().compareTo(input.respondWithin()) < 0) {
            throw ProblemException.invalid("resolveWithin", "must not be shorter than respondWithin");
        }
        if (input.tracks().stream().distinct().count() != input.tracks().size()) {
            throw ProblemException.invalid("tracks", "names a track twice");
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
