package org.gongzhi.volunteer.household;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.volunteer.matching.VisitPlaces;

/** The places of flagged households, for the visits matching sends to them; runs in the caller's session. */
@ApplicationScoped
public class HouseholdPlaces implements VisitPlaces {

    @Override
    public Uni<Map<String, Place>> of(List<UUID> households) {
        return Household.<Household>list("id in ?1", households).map(hs -> {
            Map<String, Place> placeOf = new HashMap<>();
            hs.forEach(h -> placeOf.put(h.id.toString(), h.place()));
            return placeOf;
        });
    }

    @Override
    public Uni<Place> of(UUID household) {
        return Household.<Household>findById(household).map(h -> h == null ? null : h.place());
    }
}
