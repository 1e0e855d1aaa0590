package org.gongzhi.request.request;

import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

/** Who is looking at requests, reduced to what decides what they may see. */
public record Viewer(String id, String community, boolean staff, boolean resident, String org) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.id(), caller.community(), caller.isStaff(), caller.is(Roles.RESIDENT),
                caller.is(Roles.PARTNER) ? caller.org().orElse(null) : null);
    }
}
