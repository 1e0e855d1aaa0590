package org.gongzhi.platform.security;

/**
 * Who acts — the authenticated party a service decides for: what they may see and do. One value per HTTP request
 * ({@link CurrentCaller#get()}), or made for work the system does on someone's behalf ({@link #staff}).
 *
 * @param id the token's subject (a resident's, a worker's, a partner's or a volunteer's id)
 * @param community the community the caller belongs to
 * @param staff a worker or an admin: acts for the whole community
 * @param resident a resident: sees their own requests
 * @param org the organisation a partner acts for; null for anyone else
 * @param volunteer a volunteer's id, when the token names one
 * @param subdistrict the sub-district a sub-district office acts for; null for anyone else
 */
public record Caller(String id, String community, boolean staff, boolean resident, String org, String volunteer,
        String subdistrict) {

    /** Work done for the community office by the system itself (an integrator's filing, a patrol's finding). */
    public static Caller staff(String id, String community) {
        return new Caller(id, community, true, false, null, null, null);
    }
}
