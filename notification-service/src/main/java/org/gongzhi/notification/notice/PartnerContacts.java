package org.gongzhi.notification.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongzhi.notification.notice.NoticeViews.ContactAddress;
import org.gongzhi.platform.problem.ProblemException;

/** A partner organisation's directory of where its contacts are reached by SMS and email. */
@ApplicationScoped
public class PartnerContacts {
    private final Pool pool;
    private final Clock clock;

    PartnerContacts(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The organisation's contacts with an address, by contact id. */
    public Uni<List<ContactAddress>> list(String community, String organisationId) {
        return pool.preparedQuery("""
                        select contact_id, name, phone, email_address from partner_contact
                        where community_id = $1 and organisation_id = $2 order by contact_id""")
                .execute(Tuple.of(community, organisationId))
                .map(rows -> {
                    List<ContactAddress> contacts = new ArrayList<>();
                    for (Row r : rows) {
                        contacts.add(view(r));
                    }
                    return contacts;
                });
    }

    /** Sets where one contact (by the id alliance-service gives them) is reached; neither address is refused. */
    public Uni<ContactAddress> set(String community, String organisationId, String contactId,
            @Valid @NotNull ContactAddress address) {
        if (address.phone() == null && address.email() == null) {
            throw ProblemException.invalid("phone", "give a phone number or an email address");
        }
        return pool.preparedQuery("""
                        insert into partner_contact (recipient, community_id, organisation_id, contact_id, name, phone,
                            email_address, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (recipient) do update set community_id = excluded.community_id,
                            name = excluded.name, phone = excluded.phone, email_address = excluded.email_address,
                            updated_at = excluded.updated_at
                        returning contact_id, name, phone, email_address""")
                .execute(Tuple.from(Arrays.asList(NoticeWriter.partnerRecipient(organisationId, contactId), community,
                        organisationId, contactId, address.name(), address.phone(), address.email(),
                        clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> view(rows.iterator().next()));
    }

    /** Forgets a contact's addresses; one the organisation never gave is a 404. */
    public Uni<Void> remove(String community, String organisationId, String contactId) {
        return pool.preparedQuery("delete from partner_contact where recipient = $1 and community_id = $2")
                .execute(Tuple.of(NoticeWriter.partnerRecipient(organisationId, contactId), community))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("contact", contactId);
                    }
                    return null;
                });
    }

    private static ContactAddress view(Row r) {
        return new ContactAddress(r.getString("contact_id"), r.getString("name"), r.getString("phone"),
                r.getString("email_address"));
    }
}
