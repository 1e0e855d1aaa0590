package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problem bodies name the field a client must fix, in the shape of its JSON. */
class FieldNamesTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Shift(@NotBlank String dayOfWeek) {
    }

    record Organisation(@NotBlank String name, List<@Valid Shift> rota, List<@Pattern(regexp = "\\d+") String> buildings) {
    }

    private static String field(Object bean) {
        return ProblemMappers.fieldOf(VALIDATOR.validate(bean).iterator().next());
    }

    @Test
    void aPlainFieldIsItsName() {
        assertEquals("name", field(new Organisation("", List.of(), List.of())));
    }

    @Test
    void aFieldOfAListElementCarriesTheIndexOnTheList() {
        assertEquals("rota[1].dayOfWeek", field(new Organisation("office", List.of(new Shift("MON"), new Shift("")),
                List.of())));
    }

    @Test
    void aListElementItselfIsTheListWithTheIndex() {
        assertEquals("buildings[2]", field(new Organisation("office", List.of(), List.of("1", "2", "x"))));
    }
}
