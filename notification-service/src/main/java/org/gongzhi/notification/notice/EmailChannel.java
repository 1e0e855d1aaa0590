package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email. Goes to the local sink for now: SMTP (quarkus-mailer) is the next step and plugs in here without touching
 * the rest, which only knows {@link NoticeChannel}.
 */
@ApplicationScoped
public class EmailChannel implements NoticeChannel {
    private final LocalSink sink;

    EmailChannel(LocalSink sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Uni<Void> send(OutgoingNotice notice) {
        return sink.write(notice);
    }
}
