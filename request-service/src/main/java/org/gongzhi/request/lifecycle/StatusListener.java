package org.gongzhi.request.lifecycle;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** Told of every status change of a request, inside the transaction that makes it (e.g. a decision's progress). */
public interface StatusListener {
    Uni<Void> moved(ResidentRequest request, RequestStatus from, RequestStatus to, Instant at);
}
