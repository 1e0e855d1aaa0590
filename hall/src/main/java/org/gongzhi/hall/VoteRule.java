package org.gongzhi.hall;

/**
 * How a vote is decided. SIMPLE_MAJORITY: more than half of the participating households, with a quorum of the
 * eligible ones. DOUBLE_MAJORITY (China's Civil Code art. 278, owners' matters): owners holding at least two thirds of
 * the floor area and at least two thirds of the owners take part, and more than half of the participating area and of
 * the participating owners approve; DOUBLE_MAJORITY_MAJOR: the same participation, approval by at least three quarters
 * of both (major matters such as raising or spending maintenance funds, rebuilding, changing the use of common parts).
 */
public enum VoteRule {
    SIMPLE_MAJORITY, DOUBLE_MAJORITY, DOUBLE_MAJORITY_MAJOR;

    /** An owners' matter: only an owner of a household (or the proxy the owner registered) casts its vote. */
    public boolean ownersOnly() {
        return this != SIMPLE_MAJORITY;
    }
}
