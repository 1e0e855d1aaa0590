package org.gongzhi.notification.board;

/**
 * Where a volunteer offer stands on the board ({@code volunteer_board.status}), as the volunteering events tell it:
 * each state is the event that put it there. The board's own words: no event publishes an offer's status.
 */
enum OfferState {
    OFFERED, ACCEPTED, COMPLETED, UNMATCHED
}
