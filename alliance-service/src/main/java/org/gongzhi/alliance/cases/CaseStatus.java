package org.gongzhi.alliance.cases;

/** Where the alliance stands on a request; stored as its name in {@code alliance_case.status}. */
public enum CaseStatus {
    /** The parties of the current round are working on it. */
    OPEN,
    /** Every task of the current round that counts is completed; {@code case.resolved} was published. */
    RESOLVED,
    /** The request ended (withdrawn, rejected, merged, closed) or the alliance track was removed while open. */
    CANCELLED
}
