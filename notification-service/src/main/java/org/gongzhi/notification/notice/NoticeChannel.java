package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;

/** A way to reach a resident outside the app (SMS, email). The in-app inbox is the notice table itself. */
public interface NoticeChannel {

    /** The channel's name as deliveries record it: {@code sms}, {@code email}. */
    String name();

    Uni<Void> send(OutgoingNotice notice);

    /** What a channel sends: to whom (phone number or email address), in the resident's language. */
    record OutgoingNotice(String deliveryId, String channel, String address, String language, String title,
            String body) {
    }
}
