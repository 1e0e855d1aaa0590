package org.gongzhi.volunteer.team;

import java.util.List;

/** The skills volunteers offer. */
public final class Skills {
    public static final List<String> ALL = List.of("appliance-repair", "errands", "escort", "paperwork", "clean-up",
            "watch", "tutoring", "first-aid", "translation");

    private Skills() {
    }
}
