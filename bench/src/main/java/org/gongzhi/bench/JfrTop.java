package org.gongzhi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** A quick summary of a JFR recording: where the CPU samples fall, by package of the top frame and by method. */
public final class JfrTop {
    private JfrTop() {
    }

    public static List<String> summarise(String name, Path jfr, int top) throws IOException {
        Map<String, Integer> byPackage = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byGongzhi = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                        || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                String type = frames.get(0).getMethod().getType().getName();
                String pkg = String.join(".", java.util.Arrays.asList(type.split("\\."))
                        .subList(0, Math.min(3, type.split("\\.").length - 1 <= 0 ? 1 : type.split("\\.").length - 1)));
                byPackage.merge(pkg, 1, Integer::sum);
                byMethod.merge(simple(type) + "." + frames.get(0).getMethod().getName(), 1, Integer::sum);
                for (RecordedFrame f : frames) {
                    String t = f.getMethod().getType().getName();
                    if (t.startsWith("org.gongzhi")) {
                        byGongzhi.merge(simple(t) + "." + f.getMethod().getName(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("**" + name + "** — " + total + " execution samples. Top frames by package: " + top(byPackage, total,
                top) + ". Top methods: " + top(byMethod, total, 6) + ". Innermost Gongzhi frame on the stack: "
                + top(byGongzhi, total, 6) + ".");
        lines.add("");
        return lines;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String top(Map<String, Integer> counts, int total, int n) {
        StringBuilder sb = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append('`').append(e.getKey()).append("` ")
                        .append(String.format(Locale.ROOT, "%.0f %%", 100.0 * e.getValue() / Math.max(1, total))));
        return sb.toString();
    }
}
