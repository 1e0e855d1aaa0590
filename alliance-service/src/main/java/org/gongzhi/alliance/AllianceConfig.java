package org.gongzhi.alliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The alliance's own settings: its lead of last resort and the deadlines used when an event carries none. */
@ConfigMapping(prefix = "gongzhi.alliance")
public interface AllianceConfig {

    /** The organisation that leads whatever no routing rule covers (the lead of last resort). */
    @WithDefault("office")
    String officeId();

    /**
     * The acknowledge window when a request names no respond-by deadline (volunteer unmatched), and for a hand-over of
     * a request whose events came before its time limits travelled with them.
     */
    @WithDefault("PT2H")
    java.time.Duration acknowledgeWithin();

    /** The completion window when a request names no resolve-by deadline; the same fallback as above. */
    @WithDefault("P1D")
    java.time.Duration completeWithin();
}
