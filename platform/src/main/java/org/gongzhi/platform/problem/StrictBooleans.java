package org.gongzhi.platform.problem;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A yes/no query, path or header parameter is {@code true} or {@code false}: JAX-RS reads anything else
 * ({@code ?overdue=maybe}) as false, silently answering a question the caller did not ask. Anything else is a 400
 * naming the parameter (through {@link ProblemMappers}).
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {
    private static final ParamConverter<Boolean> CONVERTER = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("'" + value + "' is not true or false");
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class || rawType == boolean.class ? (ParamConverter<T>) CONVERTER : null;
    }
}
