package org.gongzhi.platform.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The paging parameters of a list endpoint, {@code ?page=} (from 0 to {@value #MAX_PAGE}) and {@code ?size=} (1 to
 * 100, default 20, unless the list says otherwise with {@link Sizes}): a search bean ({@code @BeanParam}) extends it
 * and adds its filters; the service validates it ({@code @Valid}), so a page or size beyond the bound is a 400 naming
 * {@code page} or {@code size} before any offset is computed.
 */
@PageQuery.WithinSizes
public class PageQuery {
    /**
     * The last page any list answers: {@code page * size} then fits an int for every size up to 500 (no overflow in
     * an offset), and nobody pages through more than a million items one page at a time.
     */
    public static final int MAX_PAGE = 10_000;
    /** The sizes of a list that does not say otherwise. */
    public static final Sizes STANDARD = Standard.class.getAnnotation(Sizes.class);

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;
    /** As asked; null when not asked: the list's usual size (see {@link #size()}). */
    @QueryParam("size")
    @Min(1)
    Integer size;

    /** The items a page holds: as asked, or the list's usual size. */
    public int size() {
        return size != null ? size : sizes().usual();
    }

    /** This list's page sizes: its {@link Sizes} annotation, else {@link #STANDARD}. */
    public Sizes sizes() {
        Sizes own = getClass().getAnnotation(Sizes.class);
        return own != null ? own : STANDARD;
    }

    /**
     * The page asked for: {@code total} counts what matches, {@code items} reads this page's (offset
     * {@code page * size}, at most {@code size}). A page past the end — also one whose offset would not fit an int —
     * is empty and still says the total, without reading the items.
     */
    public <T> Uni<Page<T>> answer(Uni<Long> total, Supplier<Uni<List<T>>> items) {
        int size = size();
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

    /**
     * The page sizes of a list whose pages a screen shows whole (the dashboard's board): put on the search bean.
     * {@code max} up to 500 keeps {@code page * size} within an int.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Sizes {
        int usual();

        int max();
    }

    @Sizes(usual = 20, max = 100)
    private static final class Standard {
    }

    /** A size beyond the list's largest is refused naming {@code size}, as {@code @Max} would. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SizeCheck.class)
    public @interface WithinSizes {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link WithinSizes}. */
    public static final class SizeCheck implements ConstraintValidator<WithinSizes, PageQuery> {
        @Override
        public boolean isValid(PageQuery query, ConstraintValidatorContext context) {
            int max = query.sizes().max();
            if (query.size == null || query.size <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be less than or equal to " + max)
                    .addPropertyNode("size").addConstraintViolation();
            return false;
        }
    }
}
