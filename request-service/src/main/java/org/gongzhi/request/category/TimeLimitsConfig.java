package org.gongzhi.request.category;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time limits to respond and to resolve, per class (defaults after Beijing's 12345 practice). */
@ConfigMapping(prefix = "gongzhi.time-limits")
public interface TimeLimitsConfig {
    @WithDefault("PT30M")
    Duration urgentDangerRespond();

    @WithDefault("PT2H")
    Duration urgentDangerResolve();

    @WithDefault("PT2H")
    Duration utilitiesRespond();

    @WithDefault("PT24H")
    Duration utilitiesResolve();

    @WithDefault("PT24H")
    Duration generalRespond();

    @WithDefault("P7D")
    Duration generalResolve();

    @WithDefault("PT24H")
    Duration complexRespond();

    @WithDefault("P15D")
    Duration complexResolve();

    default Duration respond(TimeLimitClass limits) {
        return switch (limits) {
            case URGENT_DANGER -> urgentDangerRespond();
            case UTILITIES -> utilitiesRespond();
            case GENERAL -> generalRespond();
            case COMPLEX -> complexRespond();
        };
    }

    default Duration resolve(TimeLimitClass limits) {
        return switch (limits) {
            case URGENT_DANGER -> urgentDangerResolve();
            case UTILITIES -> utilitiesResolve();
            case GENERAL -> generalResolve();
            case COMPLEX -> complexResolve();
        };
    }
}
