package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhi.notification.notice.NoticeViews.DeliveryView;
import org.gongzhi.notification.notice.NoticeViews.NoticeView;
import org.gongzhi.notification.notice.NoticeViews.Preferences;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.problem.ProblemException;

/** A resident's inbox and preferences. */
@ApplicationScoped
public class Notices {
    private final Pool pool;
    private final Clock clock;

    Notices(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A resident's inbox in their community (the same person's notices of another community are not in it). */
    public Uni<Page<NoticeView>> inbox(String community, String residentId, int page, int size) {
        return page("resident_id = $1 and community_id = $2", residentId, community, page, size);
    }

    /**
     * A partner's inbox: the notices to its organisation's contacts (on duty for a warning), in its community; with
     * {@code contactId}, one contact's only.
     */
    public Uni<Page<NoticeView>> organisationInbox(String community, String organisationId, String contactId, int page,
            int size) {
        if (contactId != null) {
            return page("resident_id = $1 and community_id = $2",
                    NoticeWriter.partnerRecipient(organisationId, contactId), community, page, size);
        }
        return page("organisation_id = $1 and community_id = $2", organisationId, community, page, size);
    }

    /** {@code where} uses $1 and $2 (the two keys); paging takes $3 and $4. */
    private Uni<Page<NoticeView>> page(String where, String key, String second, int page, int size) {
        Uni<Long> total = pool.preparedQuery("select count(*) as n from notice where " + where)
                .execute(Tuple.of(key, second))
                .map(rows -> rows.iterator().next().getLong("n"));
        Uni<List<NoticeView>> items = pool.preparedQuery("""
                        select n.id::text as id, n.kind, n.request_id, n.urgent, n.language, n.title, n.body,
                               n.created_at, n.organisation_id, n.contact_id, d.channel, d.status, d.sent_at
                        from (select * from notice where\s""" + where + """
                               order by created_at desc, id limit $3 offset $4) n
                        left join notice_delivery d on d.notice_id = n.id
                        order by n.created_at desc, n.id, d.channel""")
                .execute(Tuple.of(key, second, size, page * size))
                .map(rows -> {
                    Map<String, NoticeView> notices = new LinkedHashMap<>();
                    for (Row r : rows) {
                        NoticeView n = notices.computeIfAbsent(r.getString("id"), nid -> new NoticeView(nid,
                                r.getString("kind"), r.getString("request_id"), r.getBoolean("urgent"),
                                r.getString("language"), r.getString("title"), r.getString("body"),
                                r.getOffsetDateTime("created_at").toInstant(), new ArrayList<>(),
                                r.getString("organisation_id"), r.getString("contact_id")));
                        if (r.getString("channel") != null) {
                            OffsetDateTime sent = r.getOffsetDateTime("sent_at");
                            n.deliveries().add(new DeliveryView(r.getString("channel"), r.getString("status"),
                                    sent == null ? null : sent.toInstant()));
                        }
                    }
                    return new ArrayList<>(notices.values());
                });
        return Uni.combine().all().unis(items, total).asTuple()
                .map(t -> new Page<>(t.getItem1(), page, size, t.getItem2()));
    }

    public Uni<Preferences> preferences(String residentId) {
        return pool.preparedQuery("""
                        select language, sms, phone, email, email_address, warnings,
                               to_char(quiet_from, 'HH24:MI') as quiet_from, to_char(quiet_until, 'HH24:MI') as quiet_until
                        from resident_preference where resident_id = $1""")
                .execute(Tuple.of(residentId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return new Preferences("zh-CN", false, null, false, null, false, null, null);
                    }
                    Row r = rows.iterator().next();
                    return new Preferences(r.getString("language"), r.getBoolean("sms"), r.getString("phone"),
                            r.getBoolean("email"), r.getString("email_address"), r.getBoolean("warnings"),
                            r.getString("quiet_from"), r.getString("quiet_until"));
                });
    }

    public Uni<Preferences> setPreferences(String residentId, String community, @Valid @NotNull Preferences p) {
        if (p.sms() && p.phone() == null) {
            throw ProblemException.invalid("phone", "is needed to receive SMS");
        }
        if (p.email() && p.emailAddress() == null) {
            throw ProblemException.invalid("emailAddress", "is needed to receive email");
        }
        if ((p.quietFrom() == null) != (p.quietUntil() == null)) {
            throw ProblemException.invalid("quietUntil", "quiet hours need both quietFrom and quietUntil");
        }
        List<Object> values = new ArrayList<>();
        values.add(residentId);
        values.add(community);
        values.add(p.language() == null ? "zh-CN" : p.language());
        values.add(p.sms());
        values.add(p.phone());
        values.add(p.email());
        values.add(p.emailAddress());
        values.add(p.warnings());
        values.add(p.quietFrom() == null ? null : LocalTime.parse(p.quietFrom()));
        values.add(p.quietUntil() == null ? null : LocalTime.parse(p.quietUntil()));
        values.add(clock.instant().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery("""
                        insert into resident_preference (resident_id, community_id, language, sms, phone, email,
                            email_address, warnings, quiet_from, quiet_until, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        on conflict (resident_id) do update set community_id = excluded.community_id,
                            language = excluded.language, sms = excluded.sms, phone = excluded.phone,
                            email = excluded.email, email_address = excluded.email_address,
                            warnings = excluded.warnings, quiet_from = excluded.quiet_from,
                            quiet_until = excluded.quiet_until, updated_at = excluded.updated_at""")
                .execute(Tuple.from(values))
                .chain(() -> preferences(residentId));
    }
}
