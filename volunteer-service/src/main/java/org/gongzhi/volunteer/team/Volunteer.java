package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;

/** A volunteer: home building, skills, weekly availability, a weekly cap. The phone stays in this service. */
@Entity
public class Volunteer extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String team;
    /** The community the volunteer serves: only its requests and visits are offered to them. */
    @Column(name = "community_id")
    public String communityId;
    public String building;
    /** Comma-separated skills. */
    public String skills;
    /** Weekly windows as {@code MON 09:00-12:00;SAT 14:00-17:00}. */
    public String availability;
    @Column(name = "max_tasks_per_week")
    public int maxTasksPerWeek;
    public boolean active = true;
    public String phone;

    public List<String> skillList() {
        return skillList(skills);
    }

    /** The skills of a comma-separated list. */
    public static List<String> skillList(String skills) {
        return skills.isBlank() ? List.of() : Arrays.asList(skills.split(","));
    }
}
