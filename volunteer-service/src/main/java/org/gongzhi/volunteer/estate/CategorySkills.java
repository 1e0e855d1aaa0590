package org.gongzhi.volunteer.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Which skill a category needs, by the registry's copy; runs in the caller's session. */
@ApplicationScoped
public class CategorySkills {

    /** The skill the catalogue names for the category; null when it names none or the category is not known. */
    public Uni<String> skillOf(String category) {
        if (category == null) {
            return Uni.createFrom().nullItem();
        }
        return CategorySkill.<CategorySkill>findById(category).map(c -> c == null ? null : c.skill);
    }
}
