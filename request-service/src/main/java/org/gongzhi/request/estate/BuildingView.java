package org.gongzhi.request.estate;

import java.util.List;

/** A building as the API shows it. */
public record BuildingView(String code, String name, int floors, int gridX, int gridY, List<String> units,
        int households) {

    static BuildingView of(Building b, List<Household> households) {
        List<String> units = households.stream().map(h -> h.unit).distinct().sorted().toList();
        return new BuildingView(b.code, b.name, b.floors, b.gridX, b.gridY, units, households.size());
    }
}
