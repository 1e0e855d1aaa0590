package org.gongzhi.hall;

import org.gongzhi.platform.api.PageQuery;

/** Paging of the hall's sessions (latest start first); the list has no filters. */
public class MeetingSearch extends PageQuery {
}
