package org.gongzhi.request.category;

import java.util.List;

/** A kind of request, its handling tracks, default urgency and class of time limits. */
public record Category(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
        TimeLimitClass timeLimits) {
}
