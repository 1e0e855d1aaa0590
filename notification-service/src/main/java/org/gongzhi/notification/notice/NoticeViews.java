package org.gongzhi.notification.notice;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What residents read and set. */
public final class NoticeViews {
    private NoticeViews() {
    }

    /** {@code organisationId}, {@code contactId}: set on a notice to a partner's on-duty contact. */
    public record NoticeView(String id, String kind, String requestId, boolean urgent, String language, String title,
            String body, Instant createdAt, List<DeliveryView> deliveries, String organisationId, String contactId) {
    }

    public record DeliveryView(String channel, String status, Instant sentAt) {
    }

    /** How a resident wants to be told. Quiet hours are local times ("22:00"); both or neither. */
    public record Preferences(
            @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
            boolean sms,
            @Pattern(regexp = "\\+?[0-9]{6,15}", message = "must be a phone number") String phone,
            boolean email,
            @Email @Size(max = 200) String emailAddress,
            boolean warnings,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String quietFrom,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String quietUntil) {
    }

    /**
     * Where a partner's contact is reached: {@code contactId} as alliance-service knows them (from the path when set),
     * a phone number for SMS and/or an email address.
     */
    public record ContactAddress(
            String contactId,
            @Size(max = 100) String name,
            @Pattern(regexp = "\\+?[0-9]{6,15}", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {
    }
}
