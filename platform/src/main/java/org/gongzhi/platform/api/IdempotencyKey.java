package org.gongzhi.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.gongzhi.platform.problem.Problem;
import org.gongzhi.platform.problem.ProblemException;

/**
 * The {@code Idempotency-Key} of a write: a retry with the same key and the same body gets the first answer back; the
 * same key with a different body is refused (422), since answering the first request would make the client believe
 * its second, different one was done. The store keeps the {@link #fingerprint} of the first body beside the key.
 */
public final class IdempotencyKey {
    public static final String HEADER = "Idempotency-Key";

    /** Properties sorted, dates as text: the same body gives the same fingerprint in every version of the service. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private IdempotencyKey() {
    }

    /** A key given must be 1 to 100 characters; none at all is fine (the write is then not deduplicated). */
    public static void check(String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 100 characters");
        }
    }

    /** SHA-256 of the body's canonical JSON, in hex. */
    public static String fingerprint(Object body) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + body.getClass().getSimpleName(), e);
        }
    }

    /**
     * Whether a write with {@code fingerprint} may be answered with the one first stored under the same key (whose
     * fingerprint is {@code stored}, null when it was stored before fingerprints were kept); if not, the 422.
     */
    public static void requireSameBody(String stored, String fingerprint) {
        if (stored != null && !stored.equals(fingerprint)) {
            throw new ProblemException(422, "Idempotency-Key reused", "This Idempotency-Key was already used for a "
                    + "different request, which was filed; this one was not. Send a new key with a new request.",
                    List.of(new Problem.FieldError(HEADER,
                            "was already used for a different body")));
        }
    }
}
