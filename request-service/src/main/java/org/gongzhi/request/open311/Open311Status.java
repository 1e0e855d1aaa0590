package org.gongzhi.request.open311;

import java.util.List;
import org.gongzhi.request.lifecycle.RequestStatus;

/** Which Gongzhi statuses GeoReport v2 calls "closed". */
final class Open311Status {
    static final List<RequestStatus> CLOSED = List.of(RequestStatus.RESOLVED, RequestStatus.CLOSED,
            RequestStatus.WITHDRAWN, RequestStatus.REJECTED, RequestStatus.MERGED);

    private Open311Status() {
    }
}
