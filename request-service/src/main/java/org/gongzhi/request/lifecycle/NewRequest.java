package org.gongzhi.request.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a resident (or a worker for them) submits. */
@Schema(description = "A new request", example = """
        {"category": "water-leak", "description": "Water drips from the bathroom ceiling", "building": "7",
         "unit": "2", "household": "301", "urgency": "HIGH", "contactPhone": "13800138000", "channel": "app"}""")
public record NewRequest(
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(min = 2, max = 2000) String description,
        @Size(max = 16) String building,
        @Size(max = 8) String unit,
        @Size(max = 8) String household,
        @Size(max = 80) String place,
        @Pattern(regexp = "URGENT|HIGH|NORMAL|LOW", message = "must be one of URGENT, HIGH, NORMAL, LOW") String urgency,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "must be a mainland mobile or landline number")
        String contactPhone,
        @Pattern(regexp = "app|phone|walk-in|rounds|hotline-12345",
                message = "must be one of app, phone, walk-in, rounds, hotline-12345") String channel,
        @Size(max = 40) String hotlineTicket,
        Instant hotlineDeadline,
        @Size(max = 64) String residentId,
        @Size(max = 5) List<@Pattern(regexp = PHOTO_LINK, message = PHOTO_LINK_MESSAGE) String> photos,
        @Schema(description = "The resident agrees that the description may be shown publicly (Open311), with phone "
                + "numbers and names taken out; without it the public sees only category, building and status")
        Boolean publicDescription,
        @Schema(description = "When the community received it, if before now (a worker only: a call taken on the "
                + "rounds, a 12345 ticket received yesterday); its deadlines run from this time")
        Instant receivedAt) {

    /** What a photo link must be (here and as Open311's {@code media_url}): http(s), no whitespace, at most 500. */
    public static final String PHOTO_LINK = "https?://\\S{1,500}";
    public static final String PHOTO_LINK_MESSAGE = "must be an http(s) link";

    /** A submission received now whose description stays private (the default). */
    public NewRequest(String category, String description, String building, String unit, String household,
            String place, String urgency, String contactPhone, String channel, String hotlineTicket,
            Instant hotlineDeadline, String residentId, List<String> photos) {
        this(category, description, building, unit, household, place, urgency, contactPhone, channel, hotlineTicket,
                hotlineDeadline, residentId, photos, null, null);
    }

    public boolean descriptionIsPublic() {
        return Boolean.TRUE.equals(publicDescription);
    }

    /**
     * What an Idempotency-Key's fingerprint covers: the request itself, not the received time a worker's client
     * works out afresh when it retries ("received 30 hours ago").
     */
    public NewRequest withoutReceivedAt() {
        return new NewRequest(category, description, building, unit, household, place, urgency, contactPhone, channel,
                hotlineTicket, hotlineDeadline, residentId, photos, publicDescription, null);
    }
}
