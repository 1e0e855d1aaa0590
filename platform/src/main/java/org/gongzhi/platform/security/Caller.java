package org.gongzhi.platform.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who acts — the authenticated party a service decides for: what they may see and do. One value per HTTP request
 * ({@link CurrentCaller#get()}), or made for work the system does on someone's behalf ({@link #staff}).
 *
 * @param id the token's subject (a resident's, a worker's, a partner's or a volunteer's id)
 * @param community the community the caller acts in by default (the token's {@code community})
 * @param staff a worker or an admin: acts for the whole community
 * @param resident a resident: sees their own requests
 * @param org the organisation a partner acts for; null for anyone else
 * @param volunteer a volunteer's id, when the token names one
 * @param subdistrict the sub-district a sub-district office acts for; null for anyone else
 * @param communities every community the caller serves: {@code community} first, then a partner token's
 *        {@code communities}; never empty while {@code community} is named
 */
public record Caller(String id, String community, boolean staff, boolean resident, String org, String volunteer,
        String subdistrict, Set<String> communities) {

    public Caller {
        Set<String> all = new LinkedHashSet<>();
        if (community != null) {
            all.add(community);
        }
        if (communities != null) {
            communities.stream().filter(c -> c != null && !c.isBlank()).forEach(all::add);
        }
        communities = Collections.unmodifiableSet(all);
    }

    /** A caller of one community only. */
    public Caller(String id, String community, boolean staff, boolean resident, String org, String volunteer,
            String subdistrict) {
        this(id, community, staff, resident, org, volunteer, subdistrict, Set.of());
    }

    /** Work done for the community office by the system itself (an integrator's filing, a patrol's finding). */
    public static Caller staff(String id, String community) {
        return new Caller(id, community, true, false, null, null, null);
    }

    /**
     * Whether the caller acts in {@code community}: the one its token names, or, for a partner whose organisation
     * serves several, one of its token's {@code communities}. The one check every service makes.
     */
    public boolean serves(String community) {
        return community != null && communities.contains(community);
    }
}
