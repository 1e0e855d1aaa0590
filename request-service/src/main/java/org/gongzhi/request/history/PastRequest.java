package org.gongzhi.request.history;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request the community handled before it used Gongzhi (a paper register, the 12345 platform's records), with the
 * times it was received, first responded to and resolved, and its return visit if there was one. It carries no
 * resident account and no phone number: history is imported for the community's record and its three rates.
 */
@Schema(description = "A finished request from the community's earlier records", example = """
        {"source": "hotline-12345", "reference": "BJ12345-20261121-0042", "category": "water-leak",
         "description": "楼上漏水，卫生间顶棚滴水", "building": "7", "unit": "2", "household": "301",
         "channel": "hotline-12345", "receivedAt": "2026-11-21T01:10:00Z", "respondedAt": "2026-11-21T02:00:00Z",
         "resolvedAt": "2026-11-22T06:30:00Z", "returnVisit": {"method": "phone", "solved": true,
         "satisfied": true, "visitedAt": "2026-11-24T02:00:00Z"}}""")
public record PastRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                message = "must be 2 to 40 lower-case letters, digits or dashes (e.g. hotline-12345, paper-register)")
        String source,
        @NotBlank @Size(max = 40) String reference,
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(min = 2, max = 2000) String description,
        @Size(max = 16) String building,
        @Size(max = 8) String unit,
        @Size(max = 8) String household,
        @Size(max = 80) String place,
        @Pattern(regexp = "URGENT|HIGH|NORMAL|LOW", message = "must be one of URGENT, HIGH, NORMAL, LOW") String urgency,
        @Pattern(regexp = "app|phone|walk-in|rounds|hotline-12345",
                message = "must be one of app, phone, walk-in, rounds, hotline-12345") String channel,
        @NotNull Instant receivedAt,
        @NotNull Instant respondedAt,
        @NotNull Instant resolvedAt,
        @Valid PastReturnVisit returnVisit) {

    /** The return visit made after it was resolved. */
    public record PastReturnVisit(
            @NotNull @Pattern(regexp = "phone|door|app", message = "must be one of phone, door, app") String method,
            @NotNull Boolean solved,
            @NotNull Boolean satisfied,
            @Size(max = 1000) String comment,
            @NotNull Instant visitedAt) {
    }
}
