package org.gongzhi.volunteer.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which skill a category needs and whether a community has withdrawn it, by the registry's copy; runs in the caller's
 * session.
 */
@ApplicationScoped
public class CategorySkills {

    /** The skill the catalogue names for the category; null when it names none or the category is not known. */
    public Uni<String> skillOf(String category) {
        if (category == null) {
            return Uni.createFrom().nullItem();
        }
        return CategorySkill.<CategorySkill>findById(category).map(c -> c == null ? null : c.skill);
    }

    /** Whether the community has withdrawn the category (the registry's latest word for that community). */
    public Uni<Boolean> withdrawn(String communityId, String category) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select withdrawn from category_withdrawal where community_id = ?1 and code = ?2""",
                        Boolean.class)
                .setParameter(1, communityId).setParameter(2, category).getSingleResultOrNull())
                .map(Boolean.TRUE::equals);
    }
}
