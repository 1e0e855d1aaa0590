package org.gongzhi.hall;

import org.gongzhi.platform.api.PageQuery;

/** Paging of the hall's topics (newest first); the list has no filters. */
public class TopicSearch extends PageQuery {
}
