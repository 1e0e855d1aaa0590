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
    public enum Status { MATCHING, MATCHED, UNMATCHED, DONE }

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
    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> triedList() {
        return tried.isBlank() ? List.of() : Arrays.asList(tried.split(","));
    }

    public void tried(String volunteerId) {
        List<String> all = new ArrayList<>(triedList());
        all.add(volunteerId);
        tried = String.join(",", all);
    }
}
