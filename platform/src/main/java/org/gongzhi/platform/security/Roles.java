package org.gongzhi.platform.security;

/** The roles of a Gongzhi token's {@code groups} claim. */
public final class Roles {
    public static final String RESIDENT = "resident";
    public static final String WORKER = "worker";
    public static final String PARTNER = "partner";
    public static final String VOLUNTEER = "volunteer";
    public static final String ADMIN = "admin";
    /** A sub-district (街道) office: reads the street view of its communities and registers them, nothing else. */
    public static final String SUBDISTRICT = "subdistrict";

    /** Claim naming a partner's organisation. */
    public static final String ORG_CLAIM = "org";
    /** Claim naming a volunteer's id. */
    public static final String VOLUNTEER_CLAIM = "volunteer";
    /** Claim naming the caller's community. */
    public static final String COMMUNITY_CLAIM = "community";
    /** Claim listing every community a partner's organisation acts in (beside {@link #COMMUNITY_CLAIM}, its default). */
    public static final String COMMUNITIES_CLAIM = "communities";
    /** Claim naming the sub-district a {@link #SUBDISTRICT} caller acts for. */
    public static final String SUBDISTRICT_CLAIM = "subdistrict";

    private Roles() {
    }
}
