package org.gongzhi.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What partners send and read about their webhooks. */
public final class WebhookViews {
    private WebhookViews() {
    }

    /** {@code eventTypes}: CloudEvents types, or "*" for all an endpoint may see. {@code organisationId}: admins only. */
    public record NewWebhook(@NotBlank @Size(max = 2000) String url, @NotEmpty List<@NotBlank String> eventTypes,
            String organisationId) {
    }

    /**
     * {@code secret} is shown only when it is created or rotated. {@code communities}: where the endpoint hears its
     * organisation — the community it was registered in, then the further ones its partner's token named.
     */
    public record WebhookView(String id, String organisationId, String url, List<String> eventTypes, String status,
            String disabledReason, Instant createdAt, String secret, List<String> communities) {
    }

    public record AttemptView(Instant at, Integer statusCode, String error, int durationMs) {
    }

    public record DeliveryView(String id, String messageId, String eventId, String eventType, String status,
            int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
            List<AttemptView> log) {
    }
}
