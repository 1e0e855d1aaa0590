package org.gongzhi.platform.security;

/** The roles of a Gongzhi token's {@code groups} claim. */
public final class Roles {
    public static final String RESIDENT = "resident";
    public static final String WORKER = "worker";
    public static final String PARTNER = "partner";
    public static final String VOLUNTEER = "volunteer";
    public static final String ADMIN = "admin";

    /** Claim naming a partner's organisation. */
    public static final String ORG_CLAIM = "org";
    /** Claim naming a volunteer's id. */
    public static final String VOLUNTEER_CLAIM = "volunteer";
    /** Claim naming the caller's community. */
    public static final String COMMUNITY_CLAIM = "community";

    private Roles() {
    }
}
