package org.gongzhi.volunteer.matching;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The search for a volunteer for one request: who was tried, and how it ended. */
@Entity
public class Matching extends PanacheEntityBase {
    /** WITHDRAWN: no longer needed (a visit whose warning was lifted before it was done). */
    public enum Status { MATCHING, MATCHED, UNMATCHED, DONE, HANDED_OVER, WITHDRAWN }

    /** A resident's request, or a check-on-neighbour visit to a flagged household during a warning. */
    public enum Kind { REQUEST, VISIT }

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "community_id")
    public String communityId;
    public String category;
    public String building;
    public String skill;
    public Instant deadline;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String tried = "";
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind = Kind.REQUEST;
    @Column(name = "household_id")
    public String householdId;
    @Column(name = "warning_id")
    public String warningId;
    @Column(name = "created_at")
    public Instant createdAt;
    @jakarta.persistence.Version
    public long version;

    public List<String> triedList() {
        return tried.isBlank() ? List.of() : Arrays.asList(tried.split(","));
    }

    public void tried(String volunteerId) {
        List<String> all = new ArrayList<>(triedList());
        all.add(volunteerId);
        tried = String.join(",", all);
    }
}
