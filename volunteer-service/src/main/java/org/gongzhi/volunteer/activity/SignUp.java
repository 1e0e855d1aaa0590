package org.gongzhi.volunteer.activity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A volunteer signed up for an activity; attendance is recorded after it. */
@Entity
@Table(name = "activity_sign_up")
public class SignUp extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "activity_id") UUID activityId, @Column(name = "volunteer_id") String volunteerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "signed_up_at")
    public Instant signedUpAt;
    public Boolean attended;
}
