package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A vote (表决) on a topic: options, a window, and the rule that decides it. */
@Entity
public class Vote extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "topic_id")
    public UUID topicId;
    public String question;
    /** Comma-separated; the first option is "yes" for the double-majority rules. */
    public String options;
    @Enumerated(EnumType.STRING)
    public VoteRule rule;
    public BigDecimal quorum;
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;
    public boolean closed;
    public String outcome;
    public String winner;

    public List<String> optionList() {
        return Arrays.asList(options.split(","));
    }

    public boolean isOpenAt(Instant now) {
        return !closed && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
