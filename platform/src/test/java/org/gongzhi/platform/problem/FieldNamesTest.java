package org.gongzhi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problem bodies name the field a client must fix, in the shape of its JSON. */
class FieldNamesTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Shift(@NotBlank String dayOfWeek) {
    }

    record Organisation(@NotBlank String name, List<@Valid Shift> rota, List<@Pattern(regexp = "\\d+") String> buildings) {
    }

    /** A resource: a query parameter named otherwise on the wire than in Java, and a body. */
    static class Inbox {
        public void list(@QueryParam("size") @Max(100) int pageSize, @NotNull @Valid Organisation body) {
        }
    }

    /** What a CDI subclass looks like: the method overridden, without the parameter annotations. */
    static class InboxSubclass extends Inbox {
        @Override
        public void list(int pageSize, Organisation body) {
        }
    }

    private static String parameterField(Inbox resource, Object... arguments) throws NoSuchMethodException {
        Method list = Inbox.class.getMethod("list", int.class, Organisation.class);
        return ProblemMappers.fieldOf(VALIDATOR.forExecutables().validateParameters(resource, list, arguments)
                .iterator().next());
    }

    @Test
    void aQueryParameterIsNamedAsTheClientSendsIt() throws NoSuchMethodException {
        Organisation fine = new Organisation("office", List.of(), List.of());
        assertEquals("size", parameterField(new Inbox(), 500, fine));
        assertEquals("size", parameterField(new InboxSubclass(), 500, fine));
    }

    @Test
    void aBodyIsNamedAfterItsFieldsOrAsTheBody() throws NoSuchMethodException {
        assertEquals("name", parameterField(new Inbox(), 10, new Organisation("", List.of(), List.of())));
        assertEquals("body", parameterField(new Inbox(), 10, null));
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
