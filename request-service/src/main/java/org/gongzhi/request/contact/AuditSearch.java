package org.gongzhi.request.contact;

import org.gongzhi.platform.api.PageQuery;

/** A page of the contact-read audit, newest first: 50 entries by default, up to 500. */
@PageQuery.Sizes(usual = 50, max = 500)
public class AuditSearch extends PageQuery {
}
