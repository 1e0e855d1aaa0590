package org.gongzhi.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which communities a caller acts in: its token's own, and for a partner serving several, those its token lists. */
class CallerTest {

    @Test
    void aCallerOfOneCommunityServesThatOneOnly() {
        Caller worker = Caller.staff("worker-li", "hepingli");
        assertTrue(worker.serves("hepingli"));
        assertFalse(worker.serves("qingnianhu"));
        assertFalse(worker.serves(null));
        assertEquals(List.of("hepingli"), List.copyOf(worker.communities()));
    }

    @Test
    void aPartnerServingSeveralCommunitiesServesEachOneItsTokenLists() {
        Caller water = new Caller("partner-water", "hepingli", false, false, "water", null, null,
                Set.of("qingnianhu", "hepingli", " "));
        assertTrue(water.serves("hepingli"));
        assertTrue(water.serves("qingnianhu"));
        assertFalse(water.serves("andingmen"));
        assertEquals(List.of("hepingli", "qingnianhu"), List.copyOf(water.communities()));
    }
}
