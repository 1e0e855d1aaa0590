package org.gongzhi.alliance.feed;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One task event in an organisation's feed; {@code seq} is the SSE event id a client resumes from. */
@Entity
@Table(name = "feed_entry")
public class FeedEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "organisation_id")
    public String organisationId;
    /** The community of the event: a partner follows its organisation in the communities it acts in. */
    @Column(name = "community_id")
    public String communityId;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    public Instant at;
}
