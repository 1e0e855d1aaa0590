package org.gongzhi.volunteer.matching;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** An offer to one volunteer, explained, that expires; accepted, it is the volunteer's task. */
@Entity
public class Offer extends PanacheEntityBase {
    /** CANCELLED: withdrawn before it was done (a visit whose warning was lifted). */
    public enum Status { OFFERED, ACCEPTED, DECLINED, EXPIRED, COMPLETED, HANDED_OVER, MISSED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "volunteer_id")
    public String volunteerId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int score;
    /** Why this volunteer, in English for the record; the parts below let a page say it in its own language. */
    public String reason;
    @Column(name = "why_skill")
    public String whySkill;
    @Column(name = "why_free_now")
    public Boolean whyFreeNow;
    @Column(name = "why_free_from")
    public LocalDateTime whyFreeFrom;
    @Column(name = "why_steps")
    public Integer whySteps;
    @Column(name = "why_tasks_this_week")
    public Integer whyTasksThisWeek;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public BigDecimal hours;
    public String note;
    @Column(name = "progress_note")
    public String progressNote;
    @Column(name = "progress_at")
    public Instant progressAt;
    @Column(name = "handed_over_to")
    public String handedOverTo;
    @Column(name = "handed_over_at")
    public Instant handedOverAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** Why this volunteer was asked, in parts; null for offers made before the parts were kept. */
    public Ranking.Why why() {
        return whyFreeNow == null ? null : new Ranking.Why(whySkill, whyFreeNow, whyFreeFrom, whySteps, whyTasksThisWeek);
    }

    void asked(Ranking.Why why) {
        whySkill = why.skill();
        whyFreeNow = why.freeNow();
        whyFreeFrom = why.freeFrom();
        whySteps = why.steps();
        whyTasksThisWeek = why.tasksThisWeek();
    }

    @jakarta.persistence.Version
    public long version;
}
