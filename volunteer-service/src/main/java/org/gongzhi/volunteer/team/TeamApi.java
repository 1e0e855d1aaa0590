package org.gongzhi.volunteer.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the team and volunteer endpoints take and give. */
public final class TeamApi {
    private TeamApi() {
    }

    public record NewTeam(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String id,
            @NotBlank @Size(max = 64) String name, @Size(max = 64) String leader) {
    }

    public record TeamView(String id, String name, String leader, String communityId) {
        static TeamView of(Team t) {
            return new TeamView(t.id, t.name, t.leader, t.communityId);
        }
    }

    public record Window(@NotNull @Pattern(regexp = "MON|TUE|WED|THU|FRI|SAT|SUN",
            message = "must be MON … SUN") String day,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String from,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d|24:00", message = "must be HH:mm") String to) {
    }

    public record NewVolunteer(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String id,
            @NotBlank @Size(max = 64) String name, @NotBlank String team, @NotBlank String building,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank String> skills,
            @NotNull @Size(max = 21) List<@Valid Window> availability,
            @Min(1) @Max(20) int maxTasksPerWeek,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number") String phone) {
    }

    /** A change to a volunteer's profile: only the fields given change. */
    public record VolunteerChange(@Size(max = 16) String building,
            @Size(min = 1, max = 10) List<@NotBlank String> skills,
            @Size(max = 21) List<@Valid Window> availability,
            @Min(1) @Max(20) Integer maxTasksPerWeek, Boolean active,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number") String phone) {
    }

    /** A volunteer's own profile, the only place their phone is shown. */
    public record Profile(String id, String name, String team, String communityId, String building,
            List<String> skills, String availability, int maxTasksPerWeek, boolean active, String phone) {
        static Profile of(Volunteer v) {
            return new Profile(v.id, v.name, v.team, v.communityId, v.building, v.skillList(), v.availability,
                    v.maxTasksPerWeek, v.active, v.phone);
        }
    }

    public record VolunteerView(String id, String name, String team, String communityId, String building,
            List<String> skills, String availability, int maxTasksPerWeek, boolean active) {
        static VolunteerView of(Volunteer v) {
            return new VolunteerView(v.id, v.name, v.team, v.communityId, v.building, v.skillList(), v.availability,
                    v.maxTasksPerWeek, v.active);
        }
    }
}
