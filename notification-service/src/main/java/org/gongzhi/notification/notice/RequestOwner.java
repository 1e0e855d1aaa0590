package org.gongzhi.notification.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * Who raised a request on the board and who leads it: the few columns of {@code request_board} notices read. Read with
 * HQL projections (never loaded as managed entities: the board is written by native SQL in the same transaction).
 */
@Entity
@Immutable
@Table(name = "request_board")
public class RequestOwner extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "resident_id")
    public String residentId;

    @Column(name = "lead_party")
    public String leadParty;

    /** The master request when this one was merged into it as a duplicate. */
    @Column(name = "merged_into")
    public String mergedInto;
}
