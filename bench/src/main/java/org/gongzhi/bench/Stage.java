package org.gongzhi.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/** One measured stage (latency from the scheduled send time), in microseconds, with a per-second time series. */
public final class Stage {
    static final long HIGHEST_US = 3_600_000_000L;

    /** One second of the series: seconds since the run's start and the percentiles in µs. */
    public record Point(double t, long count, long p50, long p90, long p99, long max) {
    }

    private final String name;
    private final String label;
    private final Recorder recorder = new Recorder(HIGHEST_US, 3);
    private final Histogram total = new Histogram(HIGHEST_US, 3);
    private final List<Point> series = new ArrayList<>();
    private Histogram interval;

    public Stage(String name, String label) {
        this.name = name;
        this.label = label;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(HIGHEST_US, Math.max(1, nanos / 1000)));
    }

    /** Closes the current interval: adds it to the total, the series and the log. */
    public synchronized void roll(double secondsSinceStart, long startMillis, HistogramLogWriter log) {
        interval = recorder.getIntervalHistogram(interval);
        if (log != null) {
            interval.setTag(name);
            interval.setStartTimeStamp(startMillis + Math.round((secondsSinceStart - 1) * 1000));
            interval.setEndTimeStamp(startMillis + Math.round(secondsSinceStart * 1000));
            log.outputIntervalHistogram(interval);
        }
        total.add(interval);
        if (interval.getTotalCount() > 0) {
            series.add(new Point(secondsSinceStart, interval.getTotalCount(), interval.getValueAtPercentile(50),
                    interval.getValueAtPercentile(90), interval.getValueAtPercentile(99), interval.getMaxValue()));
        }
    }

    public synchronized Histogram total() {
        return total.copy();
    }

    public synchronized List<Point> series() {
        return List.copyOf(series);
    }
}
