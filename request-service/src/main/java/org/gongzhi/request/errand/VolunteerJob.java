package org.gongzhi.request.errand;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The volunteer who is offered, or holds, a request's volunteer job (this service's projection of their events). */
@Entity
@Table(name = "volunteer_job")
public class VolunteerJob extends PanacheEntityBase {
    /** OFFERED: waiting for the answer; ACCEPTED: the volunteer is on it; the rest: the volunteer is done with it. */
    public enum Status { OFFERED, ACCEPTED, COMPLETED, HANDED_OVER, UNMATCHED }

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "volunteer_id")
    public String volunteerId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Whether this volunteer may see the errand: offered to them or accepted by them. */
    public boolean shownTo(String volunteer) {
        return volunteer != null && volunteer.equals(volunteerId)
                && (status == Status.OFFERED || status == Status.ACCEPTED);
    }
}
