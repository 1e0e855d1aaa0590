package org.gongzhi.platform.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The paging parameters of a list endpoint, {@code ?page=} (from 0 to {@value #MAX_PAGE}) and {@code ?size=} (1 to
 * 100, default 20): a search bean ({@code @BeanParam}) extends it and adds its filters; the service validates it
 * ({@code @Valid}), so a page beyond the bound is a 400 naming {@code page} before any offset is computed.
 */
public class PageQuery {
    /**
     * The last page any list answers: {@code page * size} then fits an int for every size up to 500 (no overflow in
     * an offset), and nobody pages through more than a million items one page at a time.
     */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;
    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    public int size;

    /**
     * The page asked for: {@code total} counts what matches, {@code items} reads this page's (offset
     * {@code page * size}, at most {@code size}). A page past the end — also one whose offset would not fit an int —
     * is empty and still says the total, without reading the items.
     */
    public <T> Uni<Page<T>> answer(Uni<Long> total, Supplier<Uni<List<T>>> items) {
        return total.chain(count -> (long) page * size >= count
                ? Uni.createFrom().item(new Page<T>(List.of(), page, size, count))
                : items.get().map(list -> new Page<>(list, page, size, count)));
    }

    /**
     * How many {@code entity} rows match {@code where} (HQL, named parameters): a {@code select count(*)}, which
     * Hibernate's plan cache keeps (Panache's {@code count(…)} is translated anew on every call).
     */
    public static Uni<Long> total(String entity, CharSequence where, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var count = s.createSelectionQuery("select count(*) from " + entity + " where " + where, Long.class);
            params.forEach(count::setParameter);
            return count.getSingleResult();
        });
    }
}
