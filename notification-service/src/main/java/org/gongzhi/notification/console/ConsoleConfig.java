package org.gongzhi.notification.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Where the dispatcher's console finds the other services' APIs. Absolute URLs when each service has its own origin
 * (the local run: ports 8081–8083, allowed by CORS for {@code origins}); relative paths ("" ) behind one Ingress.
 */
@ConfigMapping(prefix = "gongzhi.console")
public interface ConsoleConfig {

    /** The console's origins, which every service allows cross-origin calls from (platform's shared CORS setting). */
    List<String> origins();

    Api api();

    /** Base URLs of the APIs the page calls with the worker's token. */
    interface Api {
        @WithDefault("http://localhost:8081")
        String requests();

        @WithDefault("http://localhost:8082")
        String alliance();

        @WithDefault("http://localhost:8083")
        String volunteers();
    }
}
