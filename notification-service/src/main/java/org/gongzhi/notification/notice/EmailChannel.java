package org.gongzhi.notification.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email over SMTP (quarkus-mailer: {@code quarkus.mailer.host}, {@code port}, {@code from}, TLS and login settings)
 * when {@code gongzhi.notices.email-smtp=true}; otherwise, as in the local run, to the local sink a developer reads.
 * Each message carries the delivery id in {@code X-Gongzhi-Delivery}, so a bounce or a complaint can be traced.
 */
@ApplicationScoped
public class EmailChannel implements NoticeChannel {
    private final LocalSink sink;
    private final NoticeConfig config;
    private final ReactiveMailer mailer;

    EmailChannel(LocalSink sink, NoticeConfig config, ReactiveMailer mailer) {
        this.sink = sink;
        this.config = config;
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Uni<Void> send(OutgoingNotice notice) {
        if (!config.emailSmtp()) {
            return sink.write(notice);
        }
        Mail mail = Mail.withText(notice.address(), notice.title(), notice.body())
                .addHeader("X-Gongzhi-Delivery", notice.deliveryId())
                .addHeader("Content-Language", notice.language());
        return mailer.send(mail);
    }
}
