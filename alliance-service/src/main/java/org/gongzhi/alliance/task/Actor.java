package org.gongzhi.alliance.task;

import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

/** Who acts on tasks: staff act for the whole community, a partner only for its own organisation. */
public record Actor(String id, String community, String organisation, boolean staff) {

    public static Actor of(Caller caller) {
        boolean staff = caller.isStaff();
        String org = staff ? null : caller.is(Roles.PARTNER) ? caller.requireOrg() : null;
        return new Actor(caller.id(), caller.community(), org, staff);
    }

    /** Whether the task is this actor's to see and act on. */
    public boolean owns(Task task) {
        return task.communityId.equals(community) && (staff || task.organisationId.equals(organisation));
    }
}
