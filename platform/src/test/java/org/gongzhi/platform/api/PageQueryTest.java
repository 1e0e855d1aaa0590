package org.gongzhi.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every list pages the same way; a list whose pages a screen shows whole says its own sizes. */
class PageQueryTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @PageQuery.Sizes(usual = 100, max = 500)
    static class Board extends PageQuery {
    }

    private static List<String> refused(PageQuery query, int page, Integer size) {
        query.page = page;
        query.size = size;
        return VALIDATOR.validate(query).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    @Test
    void aListPagesByTwentyUpToAHundredUnlessItSaysOtherwise() {
        PageQuery standard = new PageQuery();
        assertEquals(20, standard.size());
        assertEquals(List.of(), refused(standard, 0, 100));
        assertEquals(List.of("size: must be less than or equal to 100"), refused(standard, 0, 101));

        Board board = new Board();
        assertEquals(100, board.size());
        assertEquals(List.of(), refused(board, 0, 500));
        assertEquals(500, board.size());
        assertEquals(List.of("size: must be less than or equal to 500"), refused(board, 0, 501));
    }

    @Test
    void aPageOrSizeOutOfBoundsIsNamed() {
        assertEquals(List.of("size: must be greater than or equal to 1"), refused(new Board(), 0, 0));
        assertEquals(List.of("page: must be greater than or equal to 0"), refused(new PageQuery(), -1, null));
        assertEquals(List.of("page: must be less than or equal to 10000"),
                refused(new PageQuery(), PageQuery.MAX_PAGE + 1, 20));
        assertEquals(List.of(), refused(new PageQuery(), 0, null), "nothing asked is nothing wrong");
    }
}
