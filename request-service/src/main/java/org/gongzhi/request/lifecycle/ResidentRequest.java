package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.platform.problem.ProblemException;

/** A resident's request (诉求). The contact phone never leaves this service. */
@Entity
@Table(name = "resident_request")
public class ResidentRequest extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String category;
    public String description;
    public String building;
    public String unit;
    public String household;
    public String place;
    public String urgency;
    public String channel;
    @Column(name = "hotline_ticket")
    public String hotlineTicket;
    /** The 12345 ticket's official deadline: the resolve deadline is never later, whatever a re-triage computes. */
    @Column(name = "hotline_deadline")
    public Instant hotlineDeadline;
    public String tracks;
    @Column(name = "resident_id")
    public String residentId;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    @Column(name = "respond_by")
    public Instant respondBy;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "tracks_done")
    public String tracksDone = "";
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "merged_into")
    public UUID mergedInto;
    /** The status a merged duplicate had, to return to should the merge be undone. */
    @Column(name = "merged_from")
    @Enumerated(EnumType.STRING)
    public RequestStatus mergedFrom;
    @Column(name = "merged_at")
    public Instant mergedAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "idempotency_fingerprint")
    public String idempotencyFingerprint;
    /** Links to the resident's photos, one a line (a link holds no whitespace); null when none were given. */
    public String photos;
    /** The resident agreed that the description may be shown publicly (redacted). */
    @Column(name = "description_public")
    public boolean descriptionPublic;
    @Version
    public long version;

    public List<String> trackList() {
        return split(tracks);
    }

    public List<String> photoList() {
        return photos == null || photos.isBlank() ? List.of() : List.of(photos.split("\n"));
    }

    public void keepPhotos(List<String> links) {
        photos = links == null || links.isEmpty() ? null : String.join("\n", links);
    }

    public List<String> doneTrackList() {
        return split(tracksDone);
    }

    /**
     * Records that a track finished; true when every working track has. DELIBERATION is not one: it marks a request
     * for the hall, whose decision comes back as action items the other tracks carry out.
     */
    public boolean completeTrack(String track) {
        List<String> done = new ArrayList<>(doneTrackList());
        if (!done.contains(track)) {
            done.add(track);
            tracksDone = String.join(",", done);
        }
        return trackList().stream().filter(t -> !RequestSubmitted.TRACK_DELIBERATION.equals(t))
                .allMatch(done::contains);
    }

    /** The track has work again (a hand-over gave it more): it must report completion once more. */
    public void reopenTrack(String track) {
        List<String> done = new ArrayList<>(doneTrackList());
        if (done.remove(track)) {
            tracksDone = String.join(",", done);
        }
    }

    /** Moves through the state machine or refuses with 409; the caller records the event and timeline entry. */
    public RequestStatus moveTo(RequestStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("a request that is " + status + " cannot become " + next);
        }
        RequestStatus previous = status;
        status = next;
        updatedAt = at;
        if (next == RequestStatus.RESOLVED) {
            resolvedAt = at;
        }
        return previous;
    }

    /** The resolve deadline {@code within} after intake, never later than the hotline's official deadline. */
    public Instant resolveDeadline(java.time.Duration within) {
        Instant computed = createdAt.plus(within);
        return hotlineDeadline != null && hotlineDeadline.isBefore(computed) ? hotlineDeadline : computed;
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
