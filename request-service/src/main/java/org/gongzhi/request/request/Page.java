package org.gongzhi.request.request;

import java.util.List;

/** One page of a list, with the total to page through. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
