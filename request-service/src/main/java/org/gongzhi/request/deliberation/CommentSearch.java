package org.gongzhi.request.deliberation;

import org.gongzhi.platform.api.PageQuery;

/** Paging of a topic's discussion (oldest first); the list has no filters. */
public class CommentSearch extends PageQuery {
}
