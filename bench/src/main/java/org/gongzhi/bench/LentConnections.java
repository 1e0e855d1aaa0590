package org.gongzhi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.devstack.DevTokens;

/**
 * After the load, with the system idle: how many of each service's database connections are still lent out. On an
 * idle service that is none; any other number is a leak, and the figures of the run were taken on a shrinking pool
 * (2026-12-07: request-service's pool lost 14 of 16 connections to a race in the pool's acquisition timeout and every
 * later write waited for the two left).
 */
final class LentConnections {
    private static final Pattern ACTIVE = Pattern.compile("(?m)^sql_pool_active\\{[^}]*} ([0-9.]+)$");

    private LentConnections() {
    }

    /** One line per service that still has connections lent out, or one line saying none has; never fails the run. */
    static List<String> check(Map<String, URI> services) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> leaks = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        services.forEach((service, url) -> {
            try {
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(url.resolve("/q/metrics"))
                        .header("Authorization", "Bearer " + DevTokens.admin()).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher active = ACTIVE.matcher(metrics.body());
                if (metrics.statusCode() != 200 || !active.find()) {
                    unread.add(service + " (HTTP " + metrics.statusCode() + ")");
                } else if (Double.parseDouble(active.group(1)) > 0) {
                    leaks.add(service + ": " + (long) Double.parseDouble(active.group(1))
                            + " database connections lent out on an idle system — a connection leak; the figures "
                            + "above were taken on a shrinking pool");
                }
            } catch (Exception e) {
                unread.add(service + " (" + e + ")");
            }
        });
        List<String> lines = new ArrayList<>(leaks);
        if (leaks.isEmpty() && unread.isEmpty()) {
            lines.add("After the load, with the system idle, no service had a database connection lent out (no "
                    + "connection leaked).");
        }
        if (!unread.isEmpty()) {
            lines.add("Database connections lent out after the load: not read from " + String.join(", ", unread));
        }
        return lines;
    }
}
