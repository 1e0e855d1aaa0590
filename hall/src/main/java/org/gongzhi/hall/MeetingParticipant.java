package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A resident registered for a meeting, and whether they came. */
@Entity
@Table(name = "meeting_participant")
@IdClass(MeetingParticipant.Key.class)
public class MeetingParticipant extends PanacheEntityBase {
    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Id
    @Column(name = "resident_id")
    public String residentId;
    public boolean attended;

    public record Key(UUID meetingId, String residentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
