package org.gongzhi.request.hall;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gongzhi.hall.DecisionProgress;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusListener;

/** Tells the hall of every status change, so a decision whose action item it is shows its progress. */
@ApplicationScoped
class ActionItemProgress implements StatusListener {
    private final DecisionProgress progress;

    ActionItemProgress(DecisionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Uni<Void> moved(ResidentRequest request, RequestStatus from, RequestStatus to, Instant at) {
        return progress.moved(request.id, from.published(), to.published(), at);
    }
}
