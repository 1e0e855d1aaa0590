package org.gongzhi.request.open311;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "gongzhi.open311")
public interface Open311Config {
    /** API keys of integrators allowed to POST requests, each mapped to the integrator's name. */
    Map<String, String> apiKeys();

    /** The community Open311 requests belong to (one endpoint per community deployment). */
    @WithDefault("hepingli")
    String community();
}
