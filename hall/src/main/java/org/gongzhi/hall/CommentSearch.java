package org.gongzhi.hall;

import org.gongzhi.platform.api.PageQuery;

/** Paging of a topic's discussion (oldest first); the list has no filters. */
public class CommentSearch extends PageQuery {
}
