package org.gongzhi.platform.persistence;

import java.util.Locale;

/**
 * A free-text filter ({@code ?q=}) as a {@code like} pattern: the caller's text is matched literally, so {@code _}
 * and {@code %} are characters to find, never wildcards ({@code q=_} must not match everything). Use it as
 * {@code lower(column) like :text escape '!'} with {@link #containing} bound to {@code :text}.
 */
public final class TextFilter {
    /** The clause's escape character; {@code !} rather than a backslash, which query languages read differently. */
    public static final String ESCAPE = " escape '!'";

    private TextFilter() {
    }

    /** Matches text that contains {@code text}, ignoring case. */
    public static String containing(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(lower.length() + 8).append('%');
        for (char c : lower.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
