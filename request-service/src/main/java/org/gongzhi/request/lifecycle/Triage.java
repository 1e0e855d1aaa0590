package org.gongzhi.request.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A worker's triage: any of category, urgency, tracks to add and tracks to remove. */
@Schema(description = "A worker's triage at any open state: any of category, urgency, tracks to add and to remove",
        example = """
        {"category": "old-wiring", "urgency": "URGENT", "addTracks": ["VOLUNTEERS"], "removeTracks": []}""")
public record Triage(
        @Size(max = 40) String category,
        @Pattern(regexp = "URGENT|HIGH|NORMAL|LOW", message = "must be one of URGENT, HIGH, NORMAL, LOW") String urgency,
        @Size(max = 3) List<@Pattern(regexp = "ALLIANCE|VOLUNTEERS|DELIBERATION",
                message = "must be one of ALLIANCE, VOLUNTEERS, DELIBERATION") String> addTracks,
        @Size(max = 3) List<@Pattern(regexp = "ALLIANCE|VOLUNTEERS|DELIBERATION",
                message = "must be one of ALLIANCE, VOLUNTEERS, DELIBERATION") String> removeTracks) {

    List<String> adding() {
        return addTracks == null ? List.of() : addTracks;
    }

    List<String> removing() {
        return removeTracks == null ? List.of() : removeTracks;
    }
}
