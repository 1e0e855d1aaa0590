package org.gongzhi.platform.persistence;

import java.util.List;

/**
 * Ids a query restricts to, bound as {@code :ids}. One id binds a plain value ({@code = :ids}): a list parameter
 * makes Hibernate translate the query anew on every call, and single-item reads (find, then change) are the common
 * case; several bind the list ({@code in :ids}).
 *
 * <pre>{@code
 * IdList<UUID> ids = IdList.of(topicIds);
 * s.createSelectionQuery("select ... where s.topicId " + ids.condition(), Object[].class)
 *         .setParameter("ids", ids.bound())
 * }</pre>
 */
public record IdList<T>(List<T> values) {
    public IdList {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no ids: nothing to read");
        }
        values = List.copyOf(values);
    }

    public static <T> IdList<T> of(List<T> values) {
        return new IdList<>(values);
    }

    /** What follows the column: {@code "= :ids"} or {@code "in :ids"}. */
    public String condition() {
        return values.size() == 1 ? "= :ids" : "in :ids";
    }

    /** The value to bind to {@code :ids}. */
    public Object bound() {
        return values.size() == 1 ? values.get(0) : values;
    }
}
